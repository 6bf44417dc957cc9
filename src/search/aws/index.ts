export * from './opensearch-alarm-defaults';
export * from './opensearch-search-cluster';
export * from './opensearch-search-cluster-props';
