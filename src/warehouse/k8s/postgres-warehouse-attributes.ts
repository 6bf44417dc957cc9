/** Attributes of a PostgreSQL warehouse already running on Kubernetes (for `PostgresWarehouse.fromPostgresAttributes`). */
export interface PostgresWarehouseAttributes {
  /** Host name clients connect to, for example `acme-warehouse-rw.acme.svc`. */
  readonly host: string;
  /**
   * Port clients connect to.
   * @default 5432
   */
  readonly port?: number;
  /** Database name. */
  readonly databaseName: string;
  /** Secret (`kubernetes.io/basic-auth`, keys `username` and `password`) of the database owner or administrator. */
  readonly adminCredentialSecretName: string;
  /** User name stored in that Secret. */
  readonly adminUsername: string;
  /**
   * Name of the CloudNativePG Cluster, when it runs in the platform namespace: lets
   * `allowConnectionsFrom` open its instances to clients.
   * @default - unknown: `allowConnectionsFrom` is not available
   */
  readonly clusterName?: string;
}
