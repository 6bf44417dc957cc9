import { TerraformStack } from 'cdktf';
import { KubernetesPlatform, KubernetesPlatformProps } from '../../../../src';
import { KubernetesDataLake } from '../../../../src/lake/k8s';
import { PostgresWarehouse, PostgresWarehouseProps, WarehouseBackup } from '../../../../src/warehouse/k8s';
import { synthesizedCustomResources } from '../../../support/schemas';
import { newStack, synth, Synthesized } from '../../../support/synth';

/** Tables most tests declare. */
export const TABLES = [
  { name: 'events', columns: [{ name: 'id', type: 'bigint', nullable: false }, { name: 'kind', type: 'varchar(64)' }, { name: 'at', type: 'timestamptz' }] },
  { schema: 'sales', name: 'orders', columns: [{ name: 'order_id', type: 'BIGINT', nullable: false }, { name: 'amount', type: 'numeric(10,2)' }] },
];

/** A Connect image with the Debezium JDBC sink. */
export const CONNECT_IMAGE = 'registry.example.com/acme/warehouse-connect:1';

/** A stack with a Kubernetes platform ("acme"). */
export function platformStack(platform: Partial<KubernetesPlatformProps> = {}): TerraformStack {
  const stack = newStack();
  new KubernetesPlatform(stack, 'Platform', { namePrefix: 'acme', ...platform });
  return stack;
}

/** Everything a test reads from a synthesized stack. */
export function inspect(stack: TerraformStack) {
  const out: Synthesized = synth(stack);
  const releases = Object.values<any>(out.resources('helm_release'));
  const release = (name: string) => releases.find((r) => r.name === name);
  const values = (name: string) => JSON.parse(release(name).values[0]);
  const resources = synthesizedCustomResources(out.json);
  const ofKind = (kind: string) => resources.filter((r) => r.kind === kind);
  const policies = Object.values<any>(out.resources('kubernetes_network_policy_v1'));
  const policy = (name: string) => policies.find((p) => p.metadata.name === name);
  return { out, releases, release, values, resources, ofKind, policies, policy };
}

/** A warehouse in a fresh stack (backups into a lake unless `props.backup` says otherwise). */
export function warehouseStack(props: Partial<PostgresWarehouseProps> = {}, platform: Partial<KubernetesPlatformProps> = {}) {
  const stack = platformStack(platform);
  const { backup, ...rest } = props;
  const lake = backup ? undefined : new KubernetesDataLake(stack, 'Lake');
  const warehouse = new PostgresWarehouse(stack, 'Warehouse', { tables: TABLES, ...rest, backup: backup ?? WarehouseBackup.toLake(lake!) });
  return { stack, lake, warehouse };
}
