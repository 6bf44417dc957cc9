import { Identity, KubernetesPlatform, StreamCapacity } from '../../src';
import { KafkaAuthentication, KafkaStreamingIngest, STRIMZI_API_VERSION } from '../../src/streaming/k8s';
import { describeWithSchemas, formatErrors, synthesizedCustomResources, validateCustomResource } from '../support/schemas';
import { newStack, synth } from '../support/synth';


function pipelineResources(authentication?: KafkaAuthentication): any[] {
  const stack = newStack();
  new KubernetesPlatform(stack, 'Platform', { namePrefix: 'acme', storageClassName: 'fast-ssd' });
  const clicks = new KafkaStreamingIngest(stack, 'ClickEvents', {
    capacity: StreamCapacity.fromLoad({ recordsPerSecond: 20_000, averageRecordSizeBytes: 1_000 }),
    cluster: authentication ? { authentication } : undefined,
  });
  const orders = new KafkaStreamingIngest(stack, 'Orders', { streamName: 'Orders_V1', retentionHours: 72 });
  const producer = new Identity(stack, 'Producer', { name: 'producer' });
  const consumer = new Identity(stack, 'Consumer', { name: 'consumer' });
  clicks.grantWrite(producer);
  orders.grantWrite(producer);
  clicks.grantRead(consumer);
  orders.grantRead(consumer);
  return synthesizedCustomResources(synth(stack).json);
}

describeWithSchemas('Strimzi custom resources validate against the Strimzi 1.2.0 CRDs', () => {
  test.each([KafkaAuthentication.TLS, KafkaAuthentication.SCRAM_SHA_512])('every resource of a two-topic pipeline (%s)', (authentication) => {
    const resources = pipelineResources(authentication);
    // 2 node pools + Kafka + 2 topics + 2 users: fails if extraction finds nothing.
    expect(resources.map((r) => r.kind).sort()).toEqual(['Kafka', 'KafkaNodePool', 'KafkaNodePool', 'KafkaTopic', 'KafkaTopic', 'KafkaUser', 'KafkaUser']);
    let validated = 0;
    for (const resource of resources) {
      expect(resource.apiVersion).toBe(STRIMZI_API_VERSION);
      const errors = validateCustomResource(resource);
      expect(formatErrors(resource, errors)).toBe('');
      validated++;
    }
    expect(validated).toBe(7);
  });

  test('the validator rejects a v1beta2 resource, a missing required field and an unknown field', () => {
    const [kafka] = pipelineResources().filter((r) => r.kind === 'Kafka');
    expect(validateCustomResource(kafka)).toEqual([]);

    const v1beta2 = validateCustomResource({ ...kafka, apiVersion: 'kafka.strimzi.io/v1beta2' });
    expect(v1beta2).toHaveLength(1);
    expect(v1beta2[0].message).toContain('serves kafka.strimzi.io/v1beta2 Kafka');

    const noListeners = validateCustomResource({ ...kafka, spec: { ...kafka.spec, kafka: { ...kafka.spec.kafka, listeners: undefined } } });
    expect(noListeners.some((e) => e.keyword === 'required' && e.params.missingProperty === 'listeners')).toBe(true);

    const typo = validateCustomResource({ ...kafka, spec: { ...kafka.spec, entityOperator: { topicOperators: {} } } });
    expect(typo.some((e) => e.keyword === 'additionalProperties' && e.params.additionalProperty === 'topicOperators')).toBe(true);

    const pool = pipelineResources().find((r) => r.kind === 'KafkaNodePool');
    const withCpu = (cpu: unknown) => ({ ...pool, spec: { ...pool.spec, resources: { requests: { cpu } } } });
    expect(validateCustomResource(withCpu(2))).toEqual([]); // x-kubernetes-int-or-string: integers are quantities too
    expect(validateCustomResource(withCpu(true)).length).toBeGreaterThan(0);

    const badAcl = pipelineResources().find((r) => r.kind === 'KafkaUser');
    const withOldAcl = { ...badAcl, spec: { ...badAcl.spec, authorization: { type: 'simple', acls: [{ resource: { type: 'topic', name: 't' }, operation: 'Read' }] } } };
    expect(validateCustomResource(withOldAcl).length).toBeGreaterThan(0);
  });
});
