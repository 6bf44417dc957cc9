export * from './aws-network';
export * from './private-network';
export * from './public-subnets';
