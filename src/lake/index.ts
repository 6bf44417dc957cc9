export * from './data-lake-contract';
