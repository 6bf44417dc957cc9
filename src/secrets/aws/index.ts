export * from './secrets-manager-constants';
export * from './secrets-manager-store';
