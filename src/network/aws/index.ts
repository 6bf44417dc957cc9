export * from './aws-network';
export * from './private-network';
