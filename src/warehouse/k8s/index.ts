export * from './warehouse-backup';
export * from './warehouse-monitoring';
export * from './postgres-warehouse-props';
export * from './postgres-warehouse-attributes';
export * from './postgres-warehouse';
