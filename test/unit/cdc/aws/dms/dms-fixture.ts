import { TerraformStack } from 'cdktf';
import {
  AwsDataLake, AwsNetwork, AwsPlatform, ICredential, KinesisStreamingIngest, PrivateNetwork, SecretsManagerStore,
} from '../../../../../src';
import { CdcTarget, ISourceDatabase, SourceDatabase, SourceEngine } from '../../../../../src/cdc';
import { DmsCdcSource, DmsCdcSourceProps } from '../../../../../src/cdc/aws/dms';
import { newStack } from '../../../../support/synth';

/** Port per engine of the fixture databases. */
export const PORTS: Record<SourceEngine, number> = {
  [SourceEngine.MYSQL]: 3306,
  [SourceEngine.POSTGRESQL]: 5432,
  [SourceEngine.MONGODB]: 27017,
};

/** The CIDR block of the imported network of the fixtures. */
export const IMPORTED_VPC_CIDR = '10.20.0.0/16';

/**
 * A stack with an AWS platform (`acme`, eu-west-1) and a PrivateNetwork registered with it, or an
 * imported network (`vpc-imported`, two subnets, IMPORTED_VPC_CIDR), or none.
 */
export function awsStack(options: { withoutNetwork?: boolean; importedNetwork?: boolean } = {}): TerraformStack {
  const stack = newStack();
  const network = options.importedNetwork
    ? AwsNetwork.fromAttributes({ vpcId: 'vpc-imported', privateSubnetIds: ['subnet-a', 'subnet-b'], vpcCidr: IMPORTED_VPC_CIDR })
    : undefined;
  new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme', network });
  if (!options.withoutNetwork && !network) new PrivateNetwork(stack, 'Network');
  return stack;
}

/** The CDC user's credential, generated into a SecretsManagerStore. */
export function cdcCredential(stack: TerraformStack): ICredential {
  const store = new SecretsManagerStore(stack, 'Secrets');
  return store.generateCredential('CdcUser', { name: 'orders-cdc', username: 'cdc' });
}

/** An existing database of `engine` whose CDC user is `credential`. */
export function sourceDatabase(stack: TerraformStack, engine: SourceEngine, credential: ICredential): ISourceDatabase {
  return SourceDatabase.fromAttributes(stack, 'OrdersDb', {
    engine,
    host: 'orders.cluster-abc.eu-west-1.rds.amazonaws.com',
    port: PORTS[engine],
    databaseName: 'orders',
    cdcCredential: credential,
  });
}

/** Which target a fixture uses. */
export type TargetChoice = 'kinesis' | 'lake';

/** A target of the given kind in `stack`. */
export function target(stack: TerraformStack, choice: TargetChoice): CdcTarget {
  if (choice === 'kinesis') return CdcTarget.stream(new KinesisStreamingIngest(stack, 'Changes'));
  return CdcTarget.lake(new AwsDataLake(stack, 'Lake'), 'raw');
}

/** A stack with a DmsCdcSource "Orders" capturing `sales.*` of a MySQL database into Kinesis unless told otherwise. */
export function dmsStack(
  overrides: Partial<DmsCdcSourceProps> = {},
  options: { engine?: SourceEngine; target?: TargetChoice; importedNetwork?: boolean } = {},
): { stack: TerraformStack; cdc: DmsCdcSource } {
  const stack = awsStack({ importedNetwork: options.importedNetwork });
  const credential = cdcCredential(stack);
  const cdc = new DmsCdcSource(stack, 'Orders', {
    source: sourceDatabase(stack, options.engine ?? SourceEngine.MYSQL, credential),
    include: ['sales.*'],
    target: target(stack, options.target ?? 'kinesis'),
    ...overrides,
  });
  return { stack, cdc };
}
