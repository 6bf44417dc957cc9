export * from './secret-store-contract';
export * from './credential-limits';
export * from './credential';
export * from './default-secret-store';
export * from './aws';
export * from './k8s';
