export * from './aws-network';
export * from './aws-service-endpoint';
export * from './interface-endpoints';
export * from './private-network';
export * from './public-subnets';
