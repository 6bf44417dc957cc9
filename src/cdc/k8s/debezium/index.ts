export * from './debezium-cdc-source-props';
export * from './debezium-cdc-source';
