export * from './kubernetes-data-lake-options';
export * from './kubernetes-data-lake-attributes';
export * from './kubernetes-lake-destination';
export * from './kubernetes-data-lake';
