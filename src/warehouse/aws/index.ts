export * from './audit-log-destination';
export * from './firehose-access';
export * from './redshift-deployment';
export * from './redshift-load-options';
export * from './redshift-warehouse';
export * from './redshift-warehouse-props';
