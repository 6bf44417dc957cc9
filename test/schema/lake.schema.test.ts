import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { Identity, KubernetesPlatform, PodSecurityLevel } from '../../src';
import { KubernetesDataLake } from '../../src/lake/k8s';
import { KafkaStreamingIngest } from '../../src/streaming/k8s';
import { describeWithSchemas, formatErrors, schemasDir, synthesizedCustomResources, validateCustomResource } from '../support/schemas';
import { newStack, synth } from '../support/synth';

/** Every custom resource goes through the shared validator (Stackable's root schema quirks included). */
const validate = validateCustomResource;

const CUSTOM_GROUPS = /\.(cnpg\.io|stackable\.tech|strimzi\.io)\//;

function lakeStack(podSecurity?: PodSecurityLevel, connect: Record<string, string> = { image: 'registry.example.com/acme/lake-connect:1' }) {
  const stack = newStack();
  new KubernetesPlatform(stack, 'Platform', { namePrefix: 'acme', storageClassName: 'fast-ssd', podSecurity });
  const lake = new KubernetesDataLake(stack, 'Lake', { kafkaConnect: connect });
  const clicks = new KafkaStreamingIngest(stack, 'Clicks', { destinations: [lake.destination({ zone: 'raw' })] });
  clicks.grantWrite(new Identity(stack, 'Producer', { name: 'producer' }));
  new KafkaStreamingIngest(stack, 'Orders', { destinations: [lake.destination({ zone: 'curated', prefix: 'orders' })] });
  return synth(stack);
}

function customResources(out: ReturnType<typeof synth>): any[] {
  return synthesizedCustomResources(out.json).filter((r) => CUSTOM_GROUPS.test(r.apiVersion));
}

describeWithSchemas('data lake custom resources validate against the upstream CRDs', () => {
  test('every custom resource of a lake with two Kafka deliveries (prebuilt Connect image)', () => {
    const resources = customResources(lakeStack());
    expect(resources.map((r) => r.kind).sort()).toEqual([
      'Cluster', 'HiveCluster', 'Kafka', 'KafkaConnect', 'KafkaConnector', 'KafkaConnector', 'KafkaNodePool', 'KafkaNodePool',
      'KafkaTopic', 'KafkaTopic', 'KafkaTopic', 'KafkaTopic', 'KafkaTopic', 'KafkaUser', 'KafkaUser', 'S3Connection', 'SecretClass',
    ]);
    let validated = 0;
    for (const resource of resources) {
      expect(formatErrors(resource, validate(resource))).toBe('');
      validated++;
    }
    expect(validated).toBe(17);
  });

  test('the KafkaConnect with a Strimzi build (baseline platform) validates too', () => {
    const resources = customResources(lakeStack(PodSecurityLevel.BASELINE, { buildOutputImage: 'registry.example.com/acme/lake-connect:1', buildPushSecret: 'push' }));
    const connect = resources.find((r) => r.kind === 'KafkaConnect');
    expect(connect.spec.build.output).toEqual({ type: 'docker', image: 'registry.example.com/acme/lake-connect:1', pushSecret: 'push' });
    expect(validateCustomResource(connect)).toEqual([]);
  });

  test('the validator catches a HiveCluster without metadataDatabase and a Cluster with a misspelled field', () => {
    const resources = customResources(lakeStack());
    const hive = resources.find((r) => r.kind === 'HiveCluster');
    const noDb = { ...hive, spec: { ...hive.spec, clusterConfig: { s3: hive.spec.clusterConfig.s3 } } };
    expect(validate(noDb).some((e) => e.keyword === 'required' && e.params.missingProperty === 'metadataDatabase')).toBe(true);
    const cluster = resources.find((r) => r.kind === 'Cluster');
    const typo = { ...cluster, spec: { ...cluster.spec, storage: { sizes: '10Gi' } } };
    expect(validateCustomResource(typo).some((e) => e.keyword === 'additionalProperties')).toBe(true);
    const s3 = resources.find((r) => r.kind === 'S3Connection');
    expect(validate(s3)).toEqual([]);
    expect(validate({ ...s3, spec: { ...s3.spec, hostname: 'x' } }).some((e) => e.params.additionalProperty === 'hostname')).toBe(true);
  });

  test('the CloudNativePG operator values validate against the chart\'s values.schema.json', () => {
    const out = lakeStack();
    const release = Object.values<any>(out.resources('helm_release')).find((r) => r.chart === 'cloudnative-pg');
    const schema = JSON.parse(fs.readFileSync(path.join(schemasDir(), 'cloudnative-pg', 'charts', 'cloudnative-pg', 'values.schema.json'), 'utf8'));
    const check = new Ajv({ strict: false, allErrors: true }).compile(schema);
    const values = JSON.parse(release.values[0]);
    expect(check(values) ? '' : JSON.stringify(check.errors)).toBe('');
    expect(check({ ...values, replicaCount: 'two' })).toBe(false);
  });
});
