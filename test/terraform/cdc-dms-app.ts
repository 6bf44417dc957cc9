import { App, TerraformStack } from 'cdktf';
import {
  AwsDataLake, AwsNetwork, AwsPlatform, AwsServiceEndpoint, InterfaceEndpoints, KinesisStreamingIngest, PrivateNetwork, SecretsManagerStore,
} from '../../src';
import { CdcMode, CdcTarget, SourceDatabase, SourceEngine } from '../../src/cdc';
import { DmsAccountRoles, DmsCapacity, DmsCdcSource, DmsSourceTls } from '../../src/cdc/aws/dms';

/** A PEM-shaped CA bundle (validate only: DMS parses it on apply, terraform does not). */
export const TEST_CA_PEM = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUexample\n-----END CERTIFICATE-----\n';

/**
 * Every DmsCdcSource option in real stacks, for `terraform validate` against the AWS provider:
 * - `cdc-dms-instance`: MySQL, PostgreSQL and MongoDB sources into Kinesis on replication instances
 *   (one with verify-full TLS and a failure topic), the account roles created once;
 * - `cdc-dms-serverless`: PostgreSQL into a lake zone on DMS Serverless, and MySQL into the lake on
 *   an instance, with the account roles taken as existing, in a network with interface endpoints
 *   asked for up front as well (every AwsServiceEndpoint: the ones DMS adds are not duplicated);
 * - `cdc-dms-imported-network`: MySQL into Kinesis in an imported VPC (DMS only warns about the
 *   interface endpoints), whose endpoints a standalone InterfaceEndpoints creates.
 */
export function buildDmsApp(app: App): void {
  {
    const stack = new TerraformStack(app, 'cdc-dms-instance');
    new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme' });
    new PrivateNetwork(stack, 'Network');
    const store = new SecretsManagerStore(stack, 'Secrets');
    const stream = new KinesisStreamingIngest(stack, 'Changes');
    const ports = { [SourceEngine.MYSQL]: 3306, [SourceEngine.POSTGRESQL]: 5432, [SourceEngine.MONGODB]: 27017 };
    for (const engine of Object.values(SourceEngine)) {
      new DmsCdcSource(stack, `Cdc-${engine}`, {
        source: SourceDatabase.fromAttributes(stack, `Db-${engine}`, {
          engine,
          host: `${engine}.internal.example.com`,
          port: ports[engine],
          databaseName: 'orders',
          cdcCredential: store.generateCredential(`User-${engine}`, { name: `${engine}-cdc`, username: 'cdc' }),
        }),
        include: ['sales.*', 'crm.customers'],
        exclude: ['sales.audit_*'],
        target: CdcTarget.stream(stream),
        captureName: `${engine}-orders`,
        sourceTls: engine === SourceEngine.POSTGRESQL ? DmsSourceTls.verifyFull(TEST_CA_PEM) : undefined,
        failureTopicArn: engine === SourceEngine.MYSQL ? 'arn:aws:sns:eu-west-1:123456789012:cdc-failures' : undefined,
      });
    }
  }
  {
    const stack = new TerraformStack(app, 'cdc-dms-serverless');
    new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme' });
    new PrivateNetwork(stack, 'Network', { interfaceEndpoints: Object.values(AwsServiceEndpoint) });
    const store = new SecretsManagerStore(stack, 'Secrets');
    const lake = new AwsDataLake(stack, 'Lake');
    const db = (engine: SourceEngine, port: number) => SourceDatabase.fromAttributes(stack, `Db-${engine}`, {
      engine,
      host: `${engine}.internal.example.com`,
      port,
      databaseName: 'orders',
      cdcCredential: store.generateCredential(`User-${engine}`, { name: `${engine}-cdc`, username: 'cdc' }),
    });
    new DmsCdcSource(stack, 'Serverless', {
      source: db(SourceEngine.POSTGRESQL, 5432),
      include: ['sales.orders'],
      target: CdcTarget.lake(lake, 'raw'),
      mode: CdcMode.STREAM_ONLY,
      capacity: DmsCapacity.serverless({ minCapacityUnits: 1, maxCapacityUnits: 8, multiAz: false }),
      accountRoles: DmsAccountRoles.existing(),
    });
    new DmsCdcSource(stack, 'Instance', {
      source: db(SourceEngine.MYSQL, 3306),
      include: ['shop.*'],
      target: CdcTarget.lake(lake, 'curated'),
      capacity: DmsCapacity.instance({ instanceClass: 'dms.c6i.xlarge', allocatedStorageGiB: 100, multiAz: false }),
      accountRoles: DmsAccountRoles.existing(),
    });
  }
  {
    const stack = new TerraformStack(app, 'cdc-dms-imported-network');
    const network = AwsNetwork.fromAttributes({
      vpcId: 'vpc-0123456789abcdef0', privateSubnetIds: ['subnet-0a', 'subnet-0b'], vpcCidr: '10.60.0.0/16',
    });
    new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme', network });
    new InterfaceEndpoints(stack, 'Endpoints', {
      network,
      services: [AwsServiceEndpoint.SECRETS_MANAGER, AwsServiceEndpoint.KMS, AwsServiceEndpoint.LOGS, AwsServiceEndpoint.KINESIS_STREAMS],
    });
    const store = new SecretsManagerStore(stack, 'Secrets');
    new DmsCdcSource(stack, 'Cdc', {
      source: SourceDatabase.fromAttributes(stack, 'Db', {
        engine: SourceEngine.MYSQL,
        host: 'mysql.internal.example.com',
        port: 3306,
        databaseName: 'orders',
        cdcCredential: store.generateCredential('User', { name: 'mysql-cdc', username: 'cdc' }),
      }),
      include: ['sales.*'],
      target: CdcTarget.stream(new KinesisStreamingIngest(stack, 'Changes')),
      accountRoles: DmsAccountRoles.existing(),
    });
  }
}
