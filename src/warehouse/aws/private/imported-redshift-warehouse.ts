import { DataAwsRedshiftserverlessWorkgroup } from '@cdktf/provider-aws/lib/data-aws-redshiftserverless-workgroup';
import { Construct } from 'constructs';
import { ManagedAdminCredential } from './managed-admin-credential';
import { RedshiftOperations } from './redshift-operations';
import { checkUsername } from './sql';
import { checkDatabaseName, checkPort, validateTables } from './warehouse-validation';
import { invalidProp } from '../../../core/errors';
import { kebab } from '../../../core/naming';
import { isUnresolved } from '../../../core/validate';
import { IIdentity } from '../../../identity/identity';
import { AwsPlatform } from '../../../platform/aws/aws-platform';
import { defaultSecretStore } from '../../../secrets/default-secret-store';
import { ICredential, ISecretStore } from '../../../secrets/secret-store-contract';
import { IStreamDestination } from '../../../streaming/destination';
import {
  DEFAULT_WAREHOUSE_DATABASE, IWarehouse, WarehouseClientPeer, WarehouseDestinationOptions, WarehouseEngine, WarehouseLakeLoadOptions,
} from '../../warehouse-contract';
import { FirehoseAccess } from '../firehose-access';
import { DEFAULT_ADMIN_USERNAME, DEFAULT_REDSHIFT_PORT, RedshiftWarehouseAttributes } from '../redshift-warehouse-props';

/**
 * An existing Redshift warehouse, by attributes: nothing is created for the warehouse itself;
 * grants, users, Firehose destinations and lake loads work on it (SQL runs through the Data API
 * with the administrator's secret).
 * @internal
 */
export class ImportedRedshiftWarehouse extends Construct implements IWarehouse {
  public readonly engine: WarehouseEngine;
  public readonly endpoint: string;
  public readonly port: number;
  public readonly databaseName: string;
  public readonly adminCredential: ICredential;
  private readonly ops: RedshiftOperations;

  constructor(scope: Construct, id: string, attrs: RedshiftWarehouseAttributes) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    if (attrs.engine !== WarehouseEngine.REDSHIFT && attrs.engine !== WarehouseEngine.REDSHIFT_SERVERLESS) {
      throw invalidProp(this, 'engine', attrs.engine, 'use WarehouseEngine.REDSHIFT or WarehouseEngine.REDSHIFT_SERVERLESS');
    }
    const serverless = attrs.engine === WarehouseEngine.REDSHIFT_SERVERLESS;
    if (serverless && !attrs.workgroupName) throw invalidProp(this, 'workgroupName', attrs.workgroupName, 'give the workgroup name of a REDSHIFT_SERVERLESS warehouse');
    if (!serverless && !attrs.clusterIdentifier) throw invalidProp(this, 'clusterIdentifier', attrs.clusterIdentifier, 'give the cluster identifier of a REDSHIFT warehouse');
    if (!attrs.adminSecretArn) throw invalidProp(this, 'adminSecretArn', attrs.adminSecretArn, 'give the ARN of the administrator\'s Secrets Manager secret');
    if (attrs.roleArn !== undefined && isUnresolved(attrs.roleArn)) {
      throw invalidProp(this, 'roleArn', attrs.roleArn, 'give the role ARN as a literal (arn:<partition>:iam::<account>:role/<name>): its name appears in grants');
    }
    const roleName = attrs.roleArn === undefined ? undefined : attrs.roleArn.split('/').pop();
    if (attrs.roleArn !== undefined && !/^arn:[a-z-]+:iam::\d{12}:role\/.+/.test(attrs.roleArn)) {
      throw invalidProp(this, 'roleArn', attrs.roleArn, 'give an IAM role ARN (arn:<partition>:iam::<account>:role/<name>)');
    }
    this.engine = attrs.engine;
    this.endpoint = attrs.endpoint;
    this.port = checkPort(this, attrs.port ?? DEFAULT_REDSHIFT_PORT);
    this.databaseName = checkDatabaseName(this, attrs.databaseName ?? DEFAULT_WAREHOUSE_DATABASE);
    const username = checkUsername(this, 'adminUsername', attrs.adminUsername ?? DEFAULT_ADMIN_USERNAME);
    this.adminCredential = new ManagedAdminCredential(this, 'AdminCredential', {
      credentialName: `${kebab(id)}-admin`,
      username,
      secretArn: attrs.adminSecretArn,
      kmsKeyArn: attrs.adminSecretKmsKeyArn,
    });
    const arn = (resource: string) => `arn:${platform.partition}:redshift:${platform.region}:${platform.accountId}:${resource}`;
    const workgroupArn = serverless ? new DataAwsRedshiftserverlessWorkgroup(this, 'Workgroup', { workgroupName: attrs.workgroupName! }).arn : undefined;
    const key = platform.encryptionKey(this, `redshift-${kebab(id)}`);
    let store: ISecretStore | undefined = attrs.secretStore;
    this.ops = new RedshiftOperations(this, {
      engine: attrs.engine,
      databaseName: this.databaseName,
      clusterIdentifier: attrs.clusterIdentifier,
      workgroupName: attrs.workgroupName,
      dataApiArn: workgroupArn ?? arn(`cluster:${attrs.clusterIdentifier}`),
      credentialsArn: workgroupArn ?? arn(`dbname:${attrs.clusterIdentifier}/${this.databaseName}`),
      adminCredential: this.adminCredential,
      endpoint: this.endpoint,
      port: this.port,
      roleArn: attrs.roleArn,
      roleName,
      securityGroupId: attrs.securityGroupId,
      tables: validateTables(this, attrs.tables ?? []),
      firehoseAccess: attrs.firehoseAccess ?? FirehoseAccess.none(),
      keyArn: key.keyArn,
      name: kebab(id),
      secretStore: () => {
        store ??= defaultSecretStore(this);
        return store;
      },
    }, []);
  }

  public grantRead(identity: IIdentity): void {
    this.ops.grant(identity, false);
  }

  public grantWrite(identity: IIdentity): void {
    this.ops.grant(identity, true);
  }

  public addReadOnlyUser(id: string, username: string): ICredential {
    return this.ops.addReadOnlyUser(id, username);
  }

  public allowConnectionsFrom(id: string, peer: WarehouseClientPeer): void {
    this.ops.allowConnectionsFrom(id, peer);
  }

  public destination(options: WarehouseDestinationOptions): IStreamDestination {
    return this.ops.firehoseDestination(options);
  }

  public loadFromLake(id: string, options: WarehouseLakeLoadOptions): void {
    this.ops.addLakeLoad(id, options);
  }
}
