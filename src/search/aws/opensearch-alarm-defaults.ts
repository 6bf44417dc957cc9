/**
 * Default thresholds of the OpenSearch alarms an ObservabilityStack creates for an
 * OpenSearchSearchCluster (namespace `AWS/ES`, dimensions DomainName and ClientId). The values
 * follow Amazon OpenSearch Service's recommended CloudWatch alarms.
 */

/** ClusterStatus.red / ClusterStatus.yellow / ClusterIndexWritesBlocked / AutomatedSnapshotFailure / KMS errors: any occurrence. */
export const OPENSEARCH_EVENT_ALARM_THRESHOLD = 1;
/**
 * Fraction of a data node's volume that must stay free (FreeStorageSpace, Minimum): below a quarter
 * OpenSearch nears its disk watermarks, stops allocating shards and then blocks writes.
 */
export const OPENSEARCH_FREE_STORAGE_FRACTION = 0.25;
/** Data node CPUUtilization (Maximum) held for 3 x 15 minutes: sustained saturation slows indexing and search. */
export const OPENSEARCH_CPU_UTILIZATION_PERCENT = 80;
/** Data node JVMMemoryPressure (Maximum) held for 3 x 1 minute: near out-of-memory, the circuit breakers reject requests. */
export const OPENSEARCH_JVM_MEMORY_PRESSURE_PERCENT = 95;
/** Dedicated master MasterCPUUtilization (Maximum) held for 3 x 15 minutes: an overloaded master delays cluster state updates. */
export const OPENSEARCH_MASTER_CPU_UTILIZATION_PERCENT = 50;
/** Dedicated master MasterJVMMemoryPressure (Maximum) held for 1 minute: a master near out-of-memory can leave the cluster. */
export const OPENSEARCH_MASTER_JVM_MEMORY_PRESSURE_PERCENT = 95;
