import { ICredential, ISecretStore } from '../../../secrets/secret-store-contract';
import { WarehouseEngine } from '../../warehouse-contract';
import { FirehoseAccess } from '../firehose-access';
import { ValidTable } from './warehouse-validation';

/**
 * Everything the warehouse's operations (grants, users, loads) need to know about a Redshift
 * cluster or workgroup, whether the stack created it or imported it.
 * @internal
 */
export interface RedshiftTarget {
  readonly engine: WarehouseEngine;
  readonly databaseName: string;
  /** Provisioned: the cluster identifier. */
  readonly clusterIdentifier?: string;
  /** Serverless: the workgroup name. */
  readonly workgroupName?: string;
  /** ARN the Data API authorizes SQL on: the cluster ARN or the workgroup ARN. */
  readonly dataApiArn: string;
  /** ARN of IAM temporary credentials: `dbname:<cluster>/<db>` (provisioned) or the workgroup ARN. */
  readonly credentialsArn: string;
  readonly adminCredential: ICredential;
  readonly endpoint: string;
  readonly port: number;
  /** The IAM role attached to the warehouse (COPY, Spectrum, streaming ingestion). */
  readonly roleArn?: string;
  readonly roleName?: string;
  /** Security group of the warehouse (for allowConnectionsFrom). */
  readonly securityGroupId?: string;
  readonly tables: ValidTable[];
  readonly firehoseAccess: FirehoseAccess;
  /** Key of the warehouse's own logs and function. */
  readonly keyArn: string;
  /** Literal name part for physical names (`<namePrefix>-<name>-...`). */
  readonly name: string;
  /** The SecretStore of generated credentials (created on first use). */
  secretStore(): ISecretStore;
}

/** Provisioned or serverless, for messages and branching. @internal */
export function isServerless(target: RedshiftTarget): boolean {
  return target.engine === WarehouseEngine.REDSHIFT_SERVERLESS;
}
