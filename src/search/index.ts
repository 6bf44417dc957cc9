export * from './search-cluster-contract';
export * from './aws';
export * from './k8s';
