/** Attributes of a data lake already running on Kubernetes (for `KubernetesDataLake.fromLakeAttributes`). */
export interface KubernetesDataLakeAttributes {
  /** Zone names. */
  readonly zoneNames: string[];
  /** Prefix of the zone buckets: zone `raw` lives in bucket `<bucketPrefix>-raw`. */
  readonly bucketPrefix: string;
  /** URL of the SQL engine (Trino), for example `http://acme-trino.acme.svc:8080`. */
  readonly sqlEndpoint: string;
  /** Thrift URI of the Hive Metastore, for example `thrift://acme-hive-metastore.acme.svc:9083`. */
  readonly metastoreUri: string;
}
