import { KubernetesPlatformProps } from '../../../../src';
import { KubernetesDataLake } from '../../../../src/lake/k8s';
import { PostgresWarehouse, PostgresWarehouseProps, WarehouseBackup } from '../../../../src/warehouse/k8s';
import { platformStack } from '../../../support/kubernetes';

export { inspect, platformStack } from '../../../support/kubernetes';

/** Tables most tests declare. */
export const TABLES = [
  { name: 'events', columns: [{ name: 'id', type: 'bigint', nullable: false }, { name: 'kind', type: 'varchar(64)' }, { name: 'at', type: 'timestamptz' }] },
  { schema: 'sales', name: 'orders', columns: [{ name: 'order_id', type: 'BIGINT', nullable: false }, { name: 'amount', type: 'numeric(10,2)' }] },
];

/** A Connect image with the Debezium JDBC sink. */
export const CONNECT_IMAGE = 'registry.example.com/acme/warehouse-connect:1';


/** A warehouse in a fresh stack (backups into a lake unless `props.backup` says otherwise). */
export function warehouseStack(props: Partial<PostgresWarehouseProps> = {}, platform: Partial<KubernetesPlatformProps> = {}) {
  const stack = platformStack(platform);
  const { backup, ...rest } = props;
  const lake = backup ? undefined : new KubernetesDataLake(stack, 'Lake');
  const warehouse = new PostgresWarehouse(stack, 'Warehouse', { tables: TABLES, ...rest, backup: backup ?? WarehouseBackup.toLake(lake!) });
  return { stack, lake, warehouse };
}
