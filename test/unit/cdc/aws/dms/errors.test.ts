import { Construct } from 'constructs';
import { awsStack, cdcCredential, dmsStack, sourceDatabase, target } from './dms-fixture';
import {
  AwsDataLake, Credential, ICredential, IIdentity, IStreamingIngest, MskStreamingIngest, SecretStoreBackend, StreamingEngine,
} from '../../../../../src';
import { CdcTarget, SourceDatabase, SourceEngine } from '../../../../../src/cdc';
import { DMS_CAPACITY_UNITS, DMS_INSTANCE_CLASSES, DmsCapacity, DmsCdcSource } from '../../../../../src/cdc/aws/dms';

/** A Kafka topic on Kubernetes, as far as the contract goes. */
class KubernetesKafkaStub extends Construct implements IStreamingIngest {
  public readonly engine = StreamingEngine.KAFKA;
  public readonly streamName = 'changes';
  public readonly retentionHours = 168;
  public readonly bootstrapServers = 'kafka-bootstrap:9093';
  public grantWrite(_identity: IIdentity): void { /* not reached */ }
  public grantRead(_identity: IIdentity): void { /* not reached */ }
}

/** A Secrets Manager credential that lost its ARN (a hand-written ICredential). */
class CredentialWithoutSecretStub extends Construct implements ICredential {
  public readonly credentialName = 'cdc';
  public readonly username = 'cdc';
  public readonly backend = SecretStoreBackend.SECRETS_MANAGER;
}

describe('DmsCdcSource errors', () => {
  test('capacity: instance class allow-list, storage range, DCU values, min above max', () => {
    expect(DMS_INSTANCE_CLASSES).toContain('dms.r6i.large');
    expect(DMS_INSTANCE_CLASSES).toContain('dms.t3.medium');
    expect(() => dmsStack({ capacity: DmsCapacity.instance({ instanceClass: 'dms.m1.large' }) })).toThrow(
      'test/Orders: invalid capacity.instanceClass: received "dms.m1.large"; use a current replication instance class of the t3, c5, r5, c6i or r6i family, such as "dms.r6i.large" (DMS_INSTANCE_CLASSES lists them).');
    expect(() => dmsStack({ capacity: DmsCapacity.instance({ allocatedStorageGiB: 4 }) })).toThrow(
      'test/Orders: invalid capacity.allocatedStorageGiB: received 4; must be an integer from 5 to 6144.');
    expect(DMS_CAPACITY_UNITS).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 192, 256, 384]);
    expect(() => dmsStack({ capacity: DmsCapacity.serverless({ maxCapacityUnits: 3 }) })).toThrow(
      'test/Orders: invalid capacity.maxCapacityUnits: received 3; use a DCU value DMS Serverless accepts: 1, 2, 4, 8, 16, 32, 64, 128, 192, 256, 384.');
    expect(() => dmsStack({ capacity: DmsCapacity.serverless({ minCapacityUnits: 0 }) })).toThrow(
      'test/Orders: invalid capacity.minCapacityUnits: received 0; use a DCU value DMS Serverless accepts: 1, 2, 4, 8, 16, 32, 64, 128, 192, 256, 384.');
    expect(() => dmsStack({ capacity: DmsCapacity.serverless({ minCapacityUnits: 32, maxCapacityUnits: 8 }) })).toThrow(
      'test/Orders: capacity.minCapacityUnits (32) is more than capacity.maxCapacityUnits (8); lower the minimum or raise the maximum.');
  });

  test('missing credentials: a credential outside Secrets Manager, or without its secret ARN', () => {
    const stack = awsStack();
    const vault = Credential.fromAttributes(stack, 'VaultCred', { credentialName: 'cdc', username: 'cdc', backend: SecretStoreBackend.VAULT, vaultMount: 'kv', vaultPath: 'cdc' });
    expect(() => new DmsCdcSource(stack, 'Orders', { source: sourceDatabase(stack, SourceEngine.MYSQL, vault), include: ['a.*'], target: target(stack, 'kinesis') })).toThrow(
      'test/Orders: invalid source.cdcCredential: received "vault"; DMS reads source credentials from AWS Secrets Manager only: use a credential of a SecretsManagerStore or SecretsManagerStore.credentialFromAttributes.');

    const other = awsStack();
    const noArn = new CredentialWithoutSecretStub(other, 'NoArn');
    const db = SourceDatabase.fromAttributes(other, 'Db', { engine: SourceEngine.MYSQL, host: 'db.example.com', port: 3306, databaseName: 'x', cdcCredential: noArn });
    expect(() => new DmsCdcSource(other, 'Orders', { source: db, include: ['a.*'], target: target(other, 'kinesis') })).toThrow(
      'test/Orders: invalid source.cdcCredential.secretArn: received undefined; DMS needs the ARN of the Secrets Manager secret holding the CDC user\'s credential.');
  });

  test('targets DMS cannot write to: MSK (IAM only), Kafka on Kubernetes, a lake that is not an AwsDataLake, an unknown zone', () => {
    const msk = awsStack();
    const mskStream = new MskStreamingIngest(msk, 'Changes');
    expect(() => new DmsCdcSource(msk, 'Orders', { source: sourceDatabase(msk, SourceEngine.MYSQL, cdcCredential(msk)), include: ['a.*'], target: CdcTarget.stream(mskStream) })).toThrow(
      'test/Orders: invalid target: received "msk StreamingIngest test/Changes"; DMS Kafka targets authenticate with SASL/SCRAM, SASL/PLAIN or TLS client certificates, '
      + 'and MSK clusters of this library accept IAM authentication only; use a Kinesis StreamingIngest.');

    const k8s = awsStack();
    const kafka = new KubernetesKafkaStub(k8s, 'Kafka');
    expect(() => new DmsCdcSource(k8s, 'Orders', { source: sourceDatabase(k8s, SourceEngine.POSTGRESQL, cdcCredential(k8s)), include: ['a.*'], target: CdcTarget.stream(kafka) })).toThrow(
      'test/Orders: invalid target: received "kafka StreamingIngest test/Kafka"; DMS cannot write to Kafka on Kubernetes; use a Kinesis StreamingIngest, or the Kubernetes CdcSource (Debezium) for a Kafka target.');

    const imported = awsStack();
    const lake = AwsDataLake.fromLakeAttributes(imported, 'Existing', { zones: [{ name: 'raw', bucketName: 'acme-raw', kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/abc', databaseName: 'acme_raw' }] });
    const source = sourceDatabase(imported, SourceEngine.MYSQL, cdcCredential(imported));
    expect(() => new DmsCdcSource(imported, 'Orders', { source, include: ['a.*'], target: CdcTarget.lake(lake, 'raw') })).toThrow(
      'test/Orders: invalid target: received "lake test/Existing"; DMS writes the zone\'s files with SSE-KMS under the zone\'s key, which only an AwsDataLake of this app exposes; use an AwsDataLake.');
    expect(() => new DmsCdcSource(imported, 'Orders2', { source, include: ['a.*'], target: CdcTarget.lake(lake, 'gold') })).toThrow(
      'test/Orders2: invalid target.zone: received "gold"; use a zone of test/Existing: raw.');
  });

  test('no network on the platform', () => {
    const stack = awsStack({ withoutNetwork: true });
    expect(() => new DmsCdcSource(stack, 'Orders', { source: sourceDatabase(stack, SourceEngine.MYSQL, cdcCredential(stack)), include: ['a.*'], target: target(stack, 'kinesis') })).toThrow(
      'test/Orders: DMS runs in a private network, but the platform has none. Pass network to the AwsPlatform (new PrivateNetwork(...) or AwsNetwork.fromAttributes(...)).');
  });

  test('a generated name DMS would refuse', () => {
    expect(() => dmsStack({ captureName: 'a--b' })).toThrow(
      'test/Orders: invalid generated name: received "acme-a--b"; DMS replication instance identifiers have 2 to 63 characters of letters, digits and hyphens, starting with a letter, ending with a letter or digit, without two hyphens in a row; this one has 9.');
  });
});
