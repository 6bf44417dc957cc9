export * from './kubernetes-source-database';
export * from './postgres-source-database-props';
export * from './postgres-source-database';
export * from './mongo-tls';
export * from './mongo-source-database-props';
export * from './mongo-source-database';
export * from './mysql-source-database-props';
export * from './mysql-source-database';
