import { KEEP_ANNOTATION } from './source-names';
import { KubernetesObject } from '../../../../platform/k8s/custom-resources';
import { ResourceRequirements, toK8sResources } from '../../../../platform/k8s/resources';
import { POSTGRES_IMAGE } from '../../../../platform/k8s/warehouse-versions';
import { POSTGRES_WAL_SENDER_HEADROOM } from '../postgres-source-database-props';

/** Built-in role granting SELECT on every table and USAGE on every schema (PostgreSQL 14+). */
export const READ_ALL_DATA_ROLE = 'pg_read_all_data';

/** A table of the publication. @internal */
export interface PublicationTable {
  readonly schema: string;
  readonly name: string;
}

/** Inputs of the Cluster. @internal */
export interface SourceClusterInput {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly instances: number;
  readonly storageSizeGiB: number;
  readonly storageClassName?: string;
  readonly resources: ResourceRequirements;
  readonly database: string;
  readonly owner: string;
  readonly cdcRole: string;
  /** Secret (`username` = cdcRole, `password`) of the CDC role. */
  readonly cdcPasswordSecret: string;
  readonly cdcReplicationSlots: number;
  readonly maxSlotWalKeepSizeGiB: number;
  readonly retain: boolean;
}

/** `max_replication_slots`: a high-availability slot per standby plus the logical slots. @internal */
export function maxReplicationSlots(instances: number, cdcSlots: number): number {
  return instances - 1 + cdcSlots;
}

/**
 * The PostgreSQL parameters of a CDC source. `wal_level: logical` is CloudNativePG's default and is
 * set anyway, so the requirement is visible and survives a change of default. With standbys,
 * logical slots are synchronized to them (PostgreSQL 17+: `sync_replication_slots` and
 * `hot_standby_feedback`; the operator manages `synchronized_standby_slots`), so a connector
 * created with `slot.failover: true` continues on a promoted standby.
 * @internal
 */
export function sourceParameters(input: SourceClusterInput): Record<string, string> {
  const slots = maxReplicationSlots(input.instances, input.cdcReplicationSlots);
  return {
    wal_level: 'logical',
    max_replication_slots: String(slots),
    max_wal_senders: String(slots + POSTGRES_WAL_SENDER_HEADROOM),
    max_slot_wal_keep_size: `${input.maxSlotWalKeepSizeGiB}GB`,
    ...(input.instances > 1 ? { hot_standby_feedback: 'on', sync_replication_slots: 'on' } : {}),
  };
}

/**
 * The CloudNativePG Cluster of a source: pinned image, TLS-only client access (plain-text
 * connections, replication included, are rejected), no superuser access, the database and its owner
 * bootstrapped by initdb, and the CDC role managed by the operator.
 * @internal
 */
export function sourceClusterResource(input: SourceClusterInput): KubernetesObject {
  return {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Cluster',
    metadata: { name: input.name, labels: input.labels, ...(input.retain ? { annotations: KEEP_ANNOTATION } : {}) },
    spec: {
      instances: input.instances,
      imageName: POSTGRES_IMAGE,
      storage: { size: `${input.storageSizeGiB}Gi`, ...(input.storageClassName ? { storageClass: input.storageClassName } : {}) },
      resources: toK8sResources(input.resources),
      enableSuperuserAccess: false,
      postgresql: {
        parameters: sourceParameters(input),
        pg_hba: ['hostnossl all all all reject', 'hostnossl replication all all reject'],
      },
      ...(input.instances > 1 ? { replicationSlots: { highAvailability: { enabled: true, synchronizeLogicalDecoding: true } } } : {}),
      bootstrap: { initdb: { database: input.database, owner: input.owner, dataChecksums: true } },
      managed: {
        roles: [{
          name: input.cdcRole,
          ensure: 'present',
          comment: 'change data capture (logical replication, read on every table)',
          login: true,
          replication: true,
          inRoles: [READ_ALL_DATA_ROLE],
          passwordSecret: { name: input.cdcPasswordSecret },
        }],
      },
    },
  };
}

/** Inputs of the Publication. @internal */
export interface PublicationInput {
  readonly cluster: string;
  readonly labels: Record<string, string>;
  readonly database: string;
  readonly publication: string;
  /** Empty: every table. */
  readonly tables: PublicationTable[];
  readonly retain: boolean;
}

/**
 * The Publication CDC reads, created by CloudNativePG on the primary (as the superuser, which
 * `FOR ALL TABLES` needs). Kept in PostgreSQL when the resource goes unless data may be destroyed.
 * @internal
 */
export function publicationResource(input: PublicationInput): KubernetesObject {
  const target = input.tables.length === 0
    ? { allTables: true }
    : { objects: input.tables.map((t) => ({ table: { schema: t.schema, name: t.name } })) };
  return {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Publication',
    metadata: { name: `${input.cluster}-publication`, labels: input.labels, ...(input.retain ? { annotations: KEEP_ANNOTATION } : {}) },
    spec: {
      cluster: { name: input.cluster },
      dbname: input.database,
      name: input.publication,
      target,
      publicationReclaimPolicy: input.retain ? 'retain' : 'delete',
    },
  };
}
