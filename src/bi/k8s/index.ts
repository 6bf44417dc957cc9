export * from './grafana-analytics-props';
export * from './grafana-analytics';
