import { App, TerraformStack } from 'cdktf';
import { AwsPlatform, PrivateNetwork, SecretsManagerStore } from '../../src';
import { SourceEngine } from '../../src/cdc';
import { DocumentDbSourceDatabase, RdsSourceDatabase } from '../../src/cdc/aws/source';

/** Client security group allowed to connect (a literal id: validate only). */
export const CLIENT_SECURITY_GROUP = 'sg-0a1b2c3d4e5f60001';

/**
 * The CDC source databases in real stacks, for `terraform validate` against the AWS provider:
 * - `cdc-source-mysql`: RDS for MySQL with the defaults (the generated CDC user's secret), and a client allowed in;
 * - `cdc-source-postgresql`: RDS for PostgreSQL, single-AZ, enhanced monitoring, a CDC credential
 *   generated in a SecretStore;
 * - `cdc-source-documentdb`: a DocumentDB cluster whose master password comes from the ephemeral
 *   `aws_secretsmanager_random_password` into the write-only `master_password_wo` and the secret.
 */
export function buildCdcSourceApp(app: App): void {
  const stack = (id: string) => {
    const s = new TerraformStack(app, id);
    new AwsPlatform(s, 'Platform', { region: 'eu-west-1', namePrefix: 'acme' });
    new PrivateNetwork(s, 'Network');
    return s;
  };

  const mysql = new RdsSourceDatabase(stack('cdc-source-mysql'), 'Orders', { engine: SourceEngine.MYSQL });
  mysql.allowConnectionsFrom('Dms', CLIENT_SECURITY_GROUP);

  const pgStack = stack('cdc-source-postgresql');
  const store = new SecretsManagerStore(pgStack, 'Secrets');
  new RdsSourceDatabase(pgStack, 'Billing', {
    engine: SourceEngine.POSTGRESQL,
    multiAz: false,
    enhancedMonitoringIntervalSeconds: 60,
    instanceClass: 'db.t4g.medium',
    allocatedStorageGiB: 50,
    cdcCredential: store.generateCredential('CdcUser', { name: 'billing-cdc', username: 'cdc_reader' }),
  });

  const docdb = new DocumentDbSourceDatabase(stack('cdc-source-documentdb'), 'Catalog', { changeStreamRetentionHours: 72 });
  docdb.allowConnectionsFrom('Dms', CLIENT_SECURITY_GROUP);
}
