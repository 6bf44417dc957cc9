/**
 * A CloudWatch metric an alarm should watch for a CdcSource, with the threshold this library
 * recommends. Consumed by the observability stack, which creates the alarms.
 */
export interface CdcMetric {
  /** CloudWatch namespace, for example `AWS/DMS`. */
  readonly namespace: string;
  /** Metric name, for example `CDCLatencySource`. */
  readonly metricName: string;
  /** Dimensions that tie the metric to this capture (values may be Terraform tokens). */
  readonly dimensions: Record<string, string>;
  /** Statistic to alarm on, for example `Maximum`. */
  readonly statistic: string;
  /** Period of the statistic, seconds. */
  readonly periodSeconds: number;
  /** Consecutive periods over the threshold before the alarm fires. */
  readonly evaluationPeriods: number;
  /** Threshold this library recommends (in the metric's unit). */
  readonly recommendedThreshold: number;
  /** CloudWatch comparison operator, for example `GreaterThanThreshold`. */
  readonly comparisonOperator: string;
  /** What the metric measures and what crossing the threshold means. */
  readonly description: string;
}

/** Namespace of DMS metrics. */
export const DMS_METRIC_NAMESPACE = 'AWS/DMS';
/** Source latency: seconds between the last event captured from the source and now. */
export const DMS_CDC_LATENCY_SOURCE = 'CDCLatencySource';
/** Target latency: seconds between the oldest change not yet committed on the target and now. */
export const DMS_CDC_LATENCY_TARGET = 'CDCLatencyTarget';
/** Latency, seconds, above which a capture is considered behind (5 minutes). */
export const DEFAULT_CDC_LATENCY_THRESHOLD_SECONDS = 300;
/** Period of the latency statistic, seconds. */
export const CDC_LATENCY_PERIOD_SECONDS = 60;
/** Periods over the threshold before the latency alarm fires (5 one-minute periods). */
export const CDC_LATENCY_EVALUATION_PERIODS = 5;
