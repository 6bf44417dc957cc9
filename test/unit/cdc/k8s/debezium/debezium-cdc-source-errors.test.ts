import { Construct } from 'constructs';
import { CDC_CONNECT_IMAGE, platformStack, sourceDatabase } from './debezium-fixture';
import { AwsPlatform, Credential, SecretStoreBackend } from '../../../../../src';
import { CdcMode, CdcTarget, SourceDatabase, SourceEngine } from '../../../../../src/cdc';
import { DebeziumCdcSource, DebeziumCdcSourceProps } from '../../../../../src/cdc/k8s/debezium';
import { KafkaStreamingIngest } from '../../../../../src/streaming/k8s';
import { StreamingEngine } from '../../../../../src/streaming/streaming-ingest-contract';
import { newStack } from '../../../../support/synth';

function attempt(engine: SourceEngine, props: Partial<DebeziumCdcSourceProps>) {
  const stack = platformStack();
  const changes = new KafkaStreamingIngest(stack, 'Changes');
  return () => new DebeziumCdcSource(stack, 'Orders', {
    source: sourceDatabase(stack, 'OrdersDb', engine),
    include: ['shop.orders'],
    target: CdcTarget.stream(changes),
    kafkaConnect: { image: CDC_CONNECT_IMAGE },
    ...props,
  });
}

describe('DebeziumCdcSource errors', () => {
  test('bad include and exclude patterns, named with the engine\'s parts', () => {
    expect(attempt(SourceEngine.POSTGRESQL, { include: [] })).toThrow(
      'test/Orders: invalid include: received []; list at least one table as "<schema>.<table>", each part of letters, digits, "_", "$", "-" or "*" (any characters), for example "sales.orders" or "sales.*".',
    );
    expect(attempt(SourceEngine.MYSQL, { include: ['orders'] })).toThrow(
      'test/Orders: invalid include[0]: received "orders"; use "<database>.<table>", each part of letters, digits, "_", "$", "-" or "*" (any characters), for example "sales.orders" or "sales.*".',
    );
    expect(attempt(SourceEngine.MONGODB, { include: ['shop.orders', 'shop.(a|b)'] })).toThrow(
      'test/Orders: invalid include[1]: received "shop.(a|b)"; use "<database>.<collection>", each part of letters, digits, "_", "$", "-" or "*" (any characters), for example "sales.orders" or "sales.*".',
    );
    expect(attempt(SourceEngine.POSTGRESQL, { exclude: ['public.orders', 'public.orders'] })).toThrow(
      'test/Orders: invalid exclude[1]: received "public.orders"; list each pattern once.',
    );
    expect(attempt(SourceEngine.POSTGRESQL, { exclude: ['a,b.c'] })).toThrow('test/Orders: invalid exclude[0]: received "a,b.c"; use "<schema>.<table>"');
  });

  test('a credential without a Kubernetes Secret', () => {
    const stack = platformStack();
    const changes = new KafkaStreamingIngest(stack, 'Changes');
    const vault = Credential.fromAttributes(stack, 'VaultOnly', {
      credentialName: 'orders-cdc', username: 'debezium', backend: SecretStoreBackend.VAULT, vaultMount: 'secret', vaultPath: 'orders/cdc',
    });
    const source = SourceDatabase.fromAttributes(stack, 'OrdersDb', { engine: SourceEngine.MYSQL, host: 'mysql.shop.svc', port: 3306, databaseName: 'orders', cdcCredential: vault });
    expect(() => new DebeziumCdcSource(stack, 'Orders', { source, include: ['shop.orders'], target: CdcTarget.stream(changes), kafkaConnect: { image: CDC_CONNECT_IMAGE } })).toThrow(
      'test/Orders: invalid source.cdcCredential: received "orders-cdc"; Debezium reads the CDC user\'s password from a Kubernetes Secret through Strimzi\'s KubernetesSecretConfigProvider, and this vault credential has none (kubernetesSecretName); use a credential of a KubernetesSecretStore or VaultSecretStore, or Credential.fromAttributes with kubernetesSecretName.',
    );
  });

  test('wrong targets: a lake, a Kinesis or MSK stream, a Kafka stream of unknown origin', () => {
    const stack = platformStack();
    const source = sourceDatabase(stack, 'OrdersDb', SourceEngine.POSTGRESQL);
    const make = (id: string, target: CdcTarget) => () => new DebeziumCdcSource(stack, id, { source, include: ['public.orders'], target, kafkaConnect: { image: CDC_CONNECT_IMAGE } });
    const lake = { node: { path: 'test/Lake' }, zoneNames: ['raw'] } as any;
    expect(make('ToLake', CdcTarget.lake(lake, 'raw'))).toThrow(
      'test/ToLake: invalid target: received "lake"; Debezium on Kubernetes publishes to a Kafka StreamingIngest: use CdcTarget.stream(stream) and deliver that stream into the lake with destinations: [lake.destination({ zone })].',
    );
    for (const engine of [StreamingEngine.KINESIS, StreamingEngine.MSK]) {
      const stream = new Construct(stack, `Aws-${engine}`) as any;
      Object.assign(stream, { engine, streamName: 'orders', grantWrite: () => undefined });
      expect(make(`To-${engine}`, CdcTarget.stream(stream))).toThrow(
        `test/To-${engine}: invalid target: received "${engine}"; Debezium on Kubernetes publishes to a Kafka topic on Strimzi: use a StreamingIngest (or KafkaStreamingIngest) on the Kubernetes platform; Kinesis and MSK streams are targets of the AWS CdcSource.`,
      );
    }
    const custom = new Construct(stack, 'CustomKafka') as any;
    Object.assign(custom, { engine: StreamingEngine.KAFKA, streamName: 'orders', grantWrite: () => undefined });
    expect(make('ToCustom', CdcTarget.stream(custom))).toThrow(
      'test/ToCustom: invalid target: received "test/CustomKafka"; use a KafkaStreamingIngest, KafkaStreamingIngest.fromTopicAttributes(...) or a StreamingIngest on Kubernetes: the connector\'s KafkaUser and topics go to that topic\'s Strimzi cluster.',
    );
    expect(make('NotATarget', { kind: 'stream' } as any)).toThrow('test/NotATarget: invalid target: received {"kind":"stream"}; use CdcTarget.stream(stream) with a Kafka StreamingIngest.');
  });

  test('an AWS platform', () => {
    const stack = newStack();
    new AwsPlatform(stack, 'Platform', { namePrefix: 'acme', region: 'eu-west-1' });
    expect(() => new DebeziumCdcSource(stack, 'Orders', { source: {} as any, include: ['public.orders'], target: {} as any })).toThrow(
      'test/Orders: this construct deploys to Kubernetes but the stack\'s platform (test/Platform) is aws.',
    );
  });

  test('an unknown mode or engine, a capture name that is not a DNS label', () => {
    expect(attempt(SourceEngine.MYSQL, { mode: 'cdc-only' as CdcMode })).toThrow(
      'test/Orders: invalid mode: received "cdc-only"; use one of snapshot-then-stream, stream-only.',
    );
    expect(attempt(SourceEngine.MYSQL, { source: { engine: 'oracle' } as any })).toThrow(
      'test/Orders: invalid source.engine: received "oracle"; use one of mysql, postgresql, mongodb.',
    );
    expect(attempt(SourceEngine.MYSQL, { captureName: 'Orders_DB' })).toThrow(
      'test/Orders: invalid captureName: received "acme-Orders_DB"; Kubernetes names have 1 to 63 characters of lowercase letters, digits and hyphens, starting and ending with a letter or digit; this one has 14.',
    );
  });
});
