import { KubernetesPlatform, PodSecurityLevel } from '../../src';
import { CdcMode, CdcTarget, SourceDatabase, SourceEngine } from '../../src/cdc';
import { DebeziumCdcSource } from '../../src/cdc/k8s/debezium';
import { KubernetesSecretStore } from '../../src/secrets/k8s';
import { KafkaAuthentication, KafkaStreamingIngest, STRIMZI_API_VERSION } from '../../src/streaming/k8s';
import { describeWithSchemas, formatErrors, synthesizedCustomResources, validateCustomResource } from '../support/schemas';
import { newStack, synth } from '../support/synth';

const IMAGE = 'registry.example.com/acme/cdc-connect:1';
const CDC_KINDS = ['KafkaConnect', 'KafkaConnector', 'KafkaTopic', 'KafkaUser'];

/** A MySQL, a PostgreSQL and a MongoDB capture into one topic (prebuilt image), or the Strimzi build on a baseline platform. */
function cdcResources(options: { authentication?: KafkaAuthentication; build?: boolean } = {}): any[] {
  const stack = newStack();
  new KubernetesPlatform(stack, 'Platform', { namePrefix: 'acme', podSecurity: options.build ? PodSecurityLevel.BASELINE : undefined });
  const store = new KubernetesSecretStore(stack, 'Secrets');
  const changes = new KafkaStreamingIngest(stack, 'Changes', { cluster: options.authentication ? { authentication: options.authentication } : undefined });
  const databases = [
    { id: 'Orders', engine: SourceEngine.MYSQL, host: 'orders-mysql.shop.svc', port: 3306, include: ['shop.orders', 'shop.order_*'], exclude: ['shop.order_tmp'] },
    { id: 'Customers', engine: SourceEngine.POSTGRESQL, host: 'crm-rw.crm.svc', port: 5432, include: ['public.*'], exclude: [] },
    { id: 'Events', engine: SourceEngine.MONGODB, host: 'events-svc.app.svc.cluster.local', port: 27017, include: ['app.events'], exclude: [] },
  ];
  for (const [i, db] of databases.entries()) {
    const cdcCredential = store.generateCredential(`${db.id}Cdc`, { name: `${db.id.toLowerCase()}-cdc`, username: 'debezium' });
    const source = SourceDatabase.fromAttributes(stack, `${db.id}Db`, { engine: db.engine, host: db.host, port: db.port, databaseName: db.id.toLowerCase(), cdcCredential });
    new DebeziumCdcSource(stack, db.id, {
      source,
      include: db.include,
      exclude: db.exclude,
      mode: i === 2 ? CdcMode.STREAM_ONLY : undefined,
      target: CdcTarget.stream(changes),
      kafkaConnect: i > 0 ? undefined : options.build ? { buildOutputImage: IMAGE, buildPushSecret: 'push' } : { image: IMAGE },
    });
  }
  return synthesizedCustomResources(synth(stack).json).filter((r) => CDC_KINDS.includes(r.kind));
}

describeWithSchemas('Debezium CDC custom resources validate against the Strimzi 1.2.0 CRDs', () => {
  test.each([
    ['mTLS, prebuilt image', {}],
    ['SCRAM-SHA-512', { authentication: KafkaAuthentication.SCRAM_SHA_512 }],
    ['Strimzi build of the plugins', { build: true }],
  ])('every KafkaConnect, KafkaConnector, KafkaTopic and KafkaUser of three captures (%s)', (_title, options) => {
    const resources = cdcResources(options);
    // 1 KafkaConnect, 3 connectors, topics: target + 3 Connect internal + 3 heartbeats + 1 schema history, 1 KafkaUser.
    expect(resources.map((r) => r.kind).sort()).toEqual([
      'KafkaConnect', 'KafkaConnector', 'KafkaConnector', 'KafkaConnector',
      'KafkaTopic', 'KafkaTopic', 'KafkaTopic', 'KafkaTopic', 'KafkaTopic', 'KafkaTopic', 'KafkaTopic', 'KafkaTopic',
      'KafkaUser',
    ]);
    let validated = 0;
    for (const resource of resources) {
      expect(resource.apiVersion).toBe(STRIMZI_API_VERSION);
      expect(formatErrors(resource, validateCustomResource(resource))).toBe('');
      validated++;
    }
    expect(validated).toBe(13);
    const connect = resources.find((r) => r.kind === 'KafkaConnect');
    expect(connect.spec.build?.plugins?.length ?? 0).toBe('build' in options ? 3 : 0);
  });

  test('the validator catches what Strimzi v1 rejects in these resources', () => {
    const resources = cdcResources();
    const connector = resources.find((r) => r.kind === 'KafkaConnector');
    expect(validateCustomResource({ ...connector, spec: { ...connector.spec, tasksMax: 0 } }).some((e) => e.keyword === 'minimum')).toBe(true);
    expect(validateCustomResource({ ...connector, spec: { ...connector.spec, state: 'started' } }).some((e) => e.keyword === 'enum')).toBe(true);
    expect(validateCustomResource({ ...connector, apiVersion: 'kafka.strimzi.io/v1beta2' })[0].message).toContain('serves kafka.strimzi.io/v1beta2 KafkaConnector');
    const connect = resources.find((r) => r.kind === 'KafkaConnect');
    const { groupId: _groupId, ...noGroup } = connect.spec;
    expect(validateCustomResource({ ...connect, spec: noGroup }).some((e) => e.keyword === 'required' && e.params.missingProperty === 'groupId')).toBe(true);
    const user = resources.find((r) => r.kind === 'KafkaUser');
    const acl = { resource: { type: 'topic', name: 'x', patternType: 'literal' }, operations: ['Produce'], host: '*' };
    expect(validateCustomResource({ ...user, spec: { ...user.spec, authorization: { type: 'simple', acls: [acl] } } }).some((e) => e.keyword === 'enum')).toBe(true);
  });
});
