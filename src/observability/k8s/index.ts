export * from './prometheus-alert-defaults';
export * from './prometheus-observability-props';
export * from './prometheus-observability';
