import { IConstruct } from 'constructs';
import { IIdentity } from '../identity/identity';
import { IDataLake } from '../lake/data-lake-contract';
import { RemovalPolicy } from '../platform/platform';
import { ICredential, ISecretStore } from '../secrets/secret-store-contract';
import { IStreamDestination } from '../streaming/destination';

/** The engine behind a Warehouse. */
export enum WarehouseEngine {
  /** Amazon Redshift Serverless (namespace + workgroup). */
  REDSHIFT_SERVERLESS = 'redshift-serverless',
  /** Amazon Redshift provisioned cluster. */
  REDSHIFT = 'redshift',
  /** PostgreSQL on Kubernetes, run by the CloudNativePG operator. */
  POSTGRESQL = 'postgresql',
}

/** Schema tables live in when none is given. */
export const DEFAULT_WAREHOUSE_SCHEMA = 'public';
/** Database created in the warehouse when none is given. */
export const DEFAULT_WAREHOUSE_DATABASE = 'analytics';

/** A column of a warehouse table. */
export interface WarehouseColumn {
  /** Column name (lowercase letters, digits, underscores). */
  readonly name: string;
  /** SQL type, for example `varchar(256)`, `bigint`, `timestamp`, `numeric(10,2)`. */
  readonly type: string;
  /**
   * Whether NULL is allowed.
   * @default true
   */
  readonly nullable?: boolean;
}

/** A table the warehouse creates (if it does not exist). */
export interface WarehouseTableDefinition {
  /** Table name (lowercase letters, digits, underscores). */
  readonly name: string;
  /**
   * Schema of the table (created if missing).
   * @default DEFAULT_WAREHOUSE_SCHEMA ("public")
   */
  readonly schema?: string;
  /** Columns, in order. */
  readonly columns: WarehouseColumn[];
}

/** Options for loading a StreamingIngest's records into a warehouse table (near-real-time). */
export interface WarehouseDestinationOptions {
  /** Target table; it must be one of the warehouse's `tables`. */
  readonly table: string;
  /**
   * Schema of the target table.
   * @default DEFAULT_WAREHOUSE_SCHEMA ("public")
   */
  readonly schema?: string;
}

/** Options for a batch load from a zone of a DataLake into a warehouse table. */
export interface WarehouseLakeLoadOptions {
  /** The lake. */
  readonly lake: IDataLake;
  /** Zone to load from. */
  readonly zone: string;
  /** Key prefix of the objects inside the zone (newline-delimited JSON or Parquet). */
  readonly prefix: string;
  /** Target table; it must be one of the warehouse's `tables`. */
  readonly table: string;
  /**
   * Schema of the target table.
   * @default DEFAULT_WAREHOUSE_SCHEMA ("public")
   */
  readonly schema?: string;
}

/** Clients allowed to connect to a warehouse over the network. */
export interface WarehouseClientPeer {
  /**
   * AWS: security group of the clients.
   * @default - none
   */
  readonly securityGroupId?: string;
  /**
   * Kubernetes: labels of the client pods.
   * @default - none
   */
  readonly podLabels?: Record<string, string>;
}

/**
 * A SQL warehouse: an endpoint, a database, grants per principal, near-real-time loading from a
 * StreamingIngest and batch loading from a DataLake. Implemented by Amazon Redshift (Serverless or
 * provisioned) on AWS and by PostgreSQL (CloudNativePG) on Kubernetes.
 */
export interface IWarehouse extends IConstruct {
  /** The engine. */
  readonly engine: WarehouseEngine;
  /** Host name clients connect to. */
  readonly endpoint: string;
  /** Port clients connect to. */
  readonly port: number;
  /** Database name. */
  readonly databaseName: string;
  /** The administrator's (or database owner's) credential; service-managed where the engine allows. */
  readonly adminCredential: ICredential;

  /** Lets `identity` read every table of the database. */
  grantRead(identity: IIdentity): void;
  /** Lets `identity` read and write every table of the database. */
  grantWrite(identity: IIdentity): void;
  /**
   * A database user with read access to every table, whose password the warehouse's SecretStore
   * generates (for BI tools that authenticate with a password).
   */
  addReadOnlyUser(id: string, username: string): ICredential;
  /** Opens the warehouse's port to `peer` (security group rule on AWS, NetworkPolicy on Kubernetes). */
  allowConnectionsFrom(id: string, peer: WarehouseClientPeer): void;
  /** A destination that loads a StreamingIngest's records into a table. */
  destination(options: WarehouseDestinationOptions): IStreamDestination;
  /** Loads a lake zone's objects into a table in batch (COPY on Redshift; documented path on PostgreSQL). */
  loadFromLake(id: string, options: WarehouseLakeLoadOptions): void;
}

/** Props every Warehouse backend accepts. */
export interface WarehouseBaseProps {
  /**
   * Name of the database.
   * @default DEFAULT_WAREHOUSE_DATABASE ("analytics")
   */
  readonly databaseName?: string;
  /**
   * Tables to create (if they do not exist).
   * @default - none
   */
  readonly tables?: WarehouseTableDefinition[];
  /**
   * Where generated credentials (users for loaders and BI) are kept.
   * @default - AWS Secrets Manager on AWS; a Kubernetes Secret store on Kubernetes
   */
  readonly secretStore?: ISecretStore;
  /**
   * What happens to the warehouse's data on removal. DESTROY also needs the platform's
   * `allowDataDestruction`.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}
