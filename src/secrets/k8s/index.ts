export * from './kubernetes-secret-constants';
export * from './kubernetes-secret-store';
export * from './vault-secret-store-props';
export * from './vault-secret-store';
export * from './vault-tls';
export * from './vault-server-props';
export * from './vault-server';
