export * from './cdc-metric';
export * from './dms-account-roles';
export * from './dms-capacity';
export * from './dms-cdc-source';
export * from './dms-cdc-source-props';
export * from './dms-source-tls';
