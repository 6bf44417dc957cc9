export * from './aws-data-lake-props';
export * from './aws-data-lake';
export * from './lake-destination';
export * from './parquet-conversion';
