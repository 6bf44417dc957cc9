export * from './documentdb-source-database';
export * from './documentdb-source-database-props';
export * from './rds-source-database';
export * from './rds-source-database-props';
export * from './source-database-props';
