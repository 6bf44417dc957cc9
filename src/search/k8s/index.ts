export * from './eck-constants';
export * from './eck-operator';
export * from './elasticsearch-alert-defaults';
export * from './elasticsearch-search-cluster-props';
export * from './elasticsearch-search-cluster';
export * from './logstash-constants';
