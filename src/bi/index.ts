export * from './bi-contract';
