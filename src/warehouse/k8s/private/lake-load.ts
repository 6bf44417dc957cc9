import { quote, ResolvedTable } from './sql';
import { POSTGRES_PORT, WarehouseNames } from './warehouse-names';
import { KubernetesObject } from '../../../platform/k8s/custom-resources';
import { RESTRICTED_CONTAINER_SECURITY_CONTEXT, RESTRICTED_POD_SECURITY_CONTEXT } from '../../../platform/k8s/pod-security';
import { ResourceRequirements, toK8sResources } from '../../../platform/k8s/resources';
import { POSTGRES_IMAGE, POSTGRES_IMAGE_USER_ID, TRINO_CLI_IMAGE, TRINO_IMAGE_USER_ID } from '../../../platform/k8s/warehouse-versions';

/** Where the export container writes the rows for the load container. */
export const LAKE_LOAD_FILE = '/data/rows.csv';

/** Inputs of one lake load CronJob. @internal */
export interface LakeLoadInput {
  readonly names: WarehouseNames;
  /** CronJob name. */
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly schedule: string;
  readonly resources: ResourceRequirements;
  /** Trino URL of the lake. */
  readonly trinoServer: string;
  /** Trino catalog, schema and table the rows come from. */
  readonly source: { readonly catalog: string; readonly schema: string; readonly table: string };
  readonly target: ResolvedTable;
  readonly database: string;
  /** Secret (basic-auth) of the loader role. */
  readonly credentialSecret: string;
  /** User name given to Trino (the lake's Trino does not authenticate). */
  readonly trinoUser: string;
}

/** The Trino query exporting the target's columns from the lake table. @internal */
export function exportSql(input: LakeLoadInput): string {
  const columns = input.target.columns.map((c) => quote(c.name)).join(', ');
  const { catalog, schema, table } = input.source;
  return `SELECT ${columns} FROM ${quote(catalog)}.${quote(schema)}.${quote(table)}`;
}

/**
 * The psql commands replacing the target's rows in one transaction: DELETE (the loader role has
 * pg_write_all_data, which does not include TRUNCATE), then `\copy` from the exported CSV. Trino's
 * CSV quotes every value and renders NULL as `""`, so FORCE_NULL turns empty values back into NULL.
 * @internal
 */
export function loadCommands(input: LakeLoadInput): string[] {
  const t = input.target;
  const table = `${quote(t.schema)}.${quote(t.name)}`;
  const columns = t.columns.map((c) => quote(c.name)).join(', ');
  return [
    `DELETE FROM ${table}`,
    `\\copy ${table} (${columns}) FROM '${LAKE_LOAD_FILE}' WITH (FORMAT csv, FORCE_NULL (${columns}))`,
  ];
}

/**
 * A CronJob reloading a warehouse table from a lake table: an init container runs Trino's CLI
 * (`SELECT <columns> FROM lake.<zone>.<table>`, CSV) into a shared emptyDir, then psql (TLS, the
 * loader role) replaces the table's rows with them in a single transaction.
 * @internal
 */
export function lakeLoadCronJob(input: LakeLoadInput): KubernetesObject {
  const { names } = input;
  const secretEnv = (name: string, key: string) => ({ name, valueFrom: { secretKeyRef: { name: input.credentialSecret, key } } });
  const resources = toK8sResources(input.resources);
  const mounts = [{ name: 'data', mountPath: '/data' }, { name: 'tmp', mountPath: '/tmp' }];
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: input.name, labels: input.labels },
    spec: {
      schedule: input.schedule,
      concurrencyPolicy: 'Forbid',
      successfulJobsHistoryLimit: 1,
      failedJobsHistoryLimit: 3,
      jobTemplate: {
        spec: {
          backoffLimit: 2,
          template: {
            metadata: { labels: { ...input.labels, ...names.lakeLoadPods } },
            spec: {
              restartPolicy: 'Never',
              automountServiceAccountToken: false,
              securityContext: RESTRICTED_POD_SECURITY_CONTEXT,
              volumes: [{ name: 'data', emptyDir: {} }, { name: 'tmp', emptyDir: {} }],
              initContainers: [{
                name: 'export',
                image: TRINO_CLI_IMAGE,
                command: ['/bin/sh', '-c', `trino --server "$TRINO_SERVER" --user "$TRINO_USER" --output-format CSV --execute "$EXPORT_SQL" > ${LAKE_LOAD_FILE}`],
                env: [
                  { name: 'TRINO_SERVER', value: input.trinoServer },
                  { name: 'TRINO_USER', value: input.trinoUser },
                  { name: 'EXPORT_SQL', value: exportSql(input) },
                ],
                securityContext: { ...RESTRICTED_CONTAINER_SECURITY_CONTEXT, runAsUser: TRINO_IMAGE_USER_ID, runAsGroup: TRINO_IMAGE_USER_ID },
                resources,
                volumeMounts: mounts,
              }],
              containers: [{
                name: 'load',
                image: POSTGRES_IMAGE,
                command: ['psql', '-v', 'ON_ERROR_STOP=1', '--single-transaction', ...loadCommands(input).flatMap((c) => ['-c', c])],
                env: [
                  { name: 'PGHOST', value: names.host },
                  { name: 'PGPORT', value: String(POSTGRES_PORT) },
                  { name: 'PGDATABASE', value: input.database },
                  { name: 'PGSSLMODE', value: 'require' },
                  secretEnv('PGUSER', 'username'),
                  secretEnv('PGPASSWORD', 'password'),
                ],
                securityContext: { ...RESTRICTED_CONTAINER_SECURITY_CONTEXT, runAsUser: POSTGRES_IMAGE_USER_ID, runAsGroup: POSTGRES_IMAGE_USER_ID },
                resources,
                volumeMounts: mounts,
              }],
            },
          },
        },
      },
    },
  };
}
