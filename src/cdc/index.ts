export * from './cdc-contract';
export * from './source-database';
