import { AuditLogDestination } from './audit-log-destination';
import { FirehoseAccess } from './firehose-access';
import { RedshiftDeployment } from './redshift-deployment';
import { ISecretStore } from '../../secrets/secret-store-contract';
import { WarehouseBaseProps, WarehouseEngine, WarehouseTableDefinition } from '../warehouse-contract';

/** Port Redshift listens on. */
export const DEFAULT_REDSHIFT_PORT = 5439;
/** Ports Redshift accepts: 5431 to 5455 and 8191 to 8215. */
export const REDSHIFT_PORT_RANGES = [[5431, 5455], [8191, 8215]];
/** User name of the administrator, whose password Redshift generates and keeps in Secrets Manager. */
export const DEFAULT_ADMIN_USERNAME = 'warehouse_admin';
/** Days automated snapshots of a provisioned cluster are kept. */
export const DEFAULT_SNAPSHOT_RETENTION_DAYS = 7;
/** Fewest days of automated snapshots accepted (a week to notice and recover from a mistake). */
export const MIN_SNAPSHOT_RETENTION_DAYS = 7;
/** Most days of automated snapshots Redshift keeps. */
export const MAX_SNAPSHOT_RETENTION_DAYS = 35;
/** Parameter group family of provisioned clusters. */
export const REDSHIFT_PARAMETER_GROUP_FAMILY = 'redshift-2.0';

/** Props of {@link RedshiftWarehouse}. */
export interface RedshiftWarehouseProps extends WarehouseBaseProps {
  /**
   * Serverless or provisioned, and its size.
   * @default RedshiftDeployment.serverless() (base capacity DEFAULT_SERVERLESS_BASE_CAPACITY_RPUS)
   */
  readonly deployment?: RedshiftDeployment;
  /**
   * Name suffix after the platform's namePrefix (lowercase letters, digits, hyphens).
   * @default - the construct id in kebab case
   */
  readonly name?: string;
  /**
   * User name of the administrator (lowercase letters, digits, underscores). Its password is
   * generated and rotated by Redshift in Secrets Manager, encrypted with the warehouse's key.
   * @default DEFAULT_ADMIN_USERNAME ("warehouse_admin")
   */
  readonly adminUsername?: string;
  /**
   * Port (5431 to 5455 or 8191 to 8215).
   * @default DEFAULT_REDSHIFT_PORT (5439)
   */
  readonly port?: number;
  /**
   * Provisioned only: days automated snapshots are kept (7 to 35).
   * @default DEFAULT_SNAPSHOT_RETENTION_DAYS (7)
   */
  readonly snapshotRetentionDays?: number;
  /**
   * Where audit logs (connections, user changes, queries) go.
   * @default AuditLogDestination.cloudWatch()
   */
  readonly auditLogs?: AuditLogDestination;
  /**
   * Whether Amazon Data Firehose may deliver here (it needs a publicly accessible endpoint).
   * @default FirehoseAccess.none() (private; use streamingIngestion or loadFromLake)
   */
  readonly firehoseAccess?: FirehoseAccess;
}

/** Attributes of an existing Redshift warehouse, for `RedshiftWarehouse.fromRedshiftAttributes`. */
export interface RedshiftWarehouseAttributes {
  /** REDSHIFT (provisioned cluster) or REDSHIFT_SERVERLESS. */
  readonly engine: WarehouseEngine;
  /** Host name clients connect to. */
  readonly endpoint: string;
  /**
   * Port.
   * @default DEFAULT_REDSHIFT_PORT (5439)
   */
  readonly port?: number;
  /**
   * Database name.
   * @default DEFAULT_WAREHOUSE_DATABASE ("analytics")
   */
  readonly databaseName?: string;
  /** ARN of the Secrets Manager secret of the administrator (used by the Data API to run DDL and grants). */
  readonly adminSecretArn: string;
  /**
   * User name of the administrator.
   * @default DEFAULT_ADMIN_USERNAME ("warehouse_admin")
   */
  readonly adminUsername?: string;
  /**
   * KMS key of the administrator's secret.
   * @default - the AWS-managed key
   */
  readonly adminSecretKmsKeyArn?: string;
  /**
   * Provisioned: the cluster identifier.
   * @default - none (required for REDSHIFT)
   */
  readonly clusterIdentifier?: string;
  /**
   * Serverless: the workgroup name (its ARN is looked up).
   * @default - none (required for REDSHIFT_SERVERLESS)
   */
  readonly workgroupName?: string;
  /**
   * Security group of the warehouse, for `allowConnectionsFrom`.
   * @default - none: allowConnectionsFrom fails
   */
  readonly securityGroupId?: string;
  /**
   * ARN of an IAM role attached to the warehouse, used by COPY, Spectrum and streaming ingestion.
   * @default - none: loadFromLake, addSpectrumSchema and streamingIngestion fail
   */
  readonly roleArn?: string;
  /**
   * Tables that exist in the warehouse (not created; used to check destinations and loads).
   * @default - none
   */
  readonly tables?: WarehouseTableDefinition[];
  /**
   * Whether the warehouse is already publicly accessible to the region's Firehose CIDR block.
   * @default FirehoseAccess.none()
   */
  readonly firehoseAccess?: FirehoseAccess;
  /**
   * Where generated credentials are kept.
   * @default - the stack's default SecretStore (AWS Secrets Manager)
   */
  readonly secretStore?: ISecretStore;
}
