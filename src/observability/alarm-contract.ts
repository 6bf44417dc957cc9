import { IConstruct } from 'constructs';

/** Where an alarm is evaluated. */
export enum AlarmBackend {
  /** A CloudWatch metric alarm (or Metrics Insights alarm) on AWS. */
  CLOUDWATCH = 'cloudwatch',
  /** A Prometheus alerting rule (PrometheusRule) on Kubernetes, routed by Alertmanager. */
  PROMETHEUS = 'prometheus',
}

/** How the watched value is compared with the threshold. */
export enum AlarmComparison {
  /** Fires when the value is greater than or equal to the threshold. */
  GREATER_THAN_OR_EQUAL = '>=',
  /** Fires when the value is greater than the threshold. */
  GREATER_THAN = '>',
  /** Fires when the value is less than the threshold. */
  LESS_THAN = '<',
  /** Fires when the value is less than or equal to the threshold. */
  LESS_THAN_OR_EQUAL = '<=',
}

/** One alarm (AWS) or alerting rule (Kubernetes) an observability stack creates. */
export interface AlarmDescription {
  /** Catalog key of the alarm, the same for every resource of a kind (for example `kinesis-iterator-age`). */
  readonly key: string;
  /** Physical name: the CloudWatch alarm name or the Prometheus alert name. */
  readonly name: string;
  /** Where it is evaluated. */
  readonly backend: AlarmBackend;
  /**
   * What is watched: `Namespace MetricName (Statistic, period)` for a CloudWatch metric, the query
   * for a Metrics Insights alarm, or the PromQL expression (without the comparison) for Prometheus.
   */
  readonly metric: string;
  /** Dimensions (CloudWatch) or label matchers (Prometheus) tying the alarm to its resource. */
  readonly dimensions: Record<string, string>;
  /** Threshold after overrides. */
  readonly threshold: number;
  /** Comparison with the threshold. */
  readonly comparison: AlarmComparison;
  /** Seconds the condition must hold before the alarm fires (evaluation periods x period, or `for`). */
  readonly durationSeconds: number;
  /** Construct path of the watched pipeline resource. */
  readonly resource: string;
  /** What the alarm means and what to check first. */
  readonly description: string;
}

/** Changes one catalog alarm of one construct (and every resource inside it). */
export interface AlarmOverride {
  /** The construct whose alarms change: a pipeline construct or any construct containing it. */
  readonly scope: IConstruct;
  /** Catalog key of the alarm (see `AlarmDescription.key` and the README tables). */
  readonly alarm: string;
  /**
   * New threshold (same unit as the default, within the alarm's allowed range).
   * @default - the catalog default
   */
  readonly threshold?: number;
  /**
   * Set false to not create this alarm for resources under `scope`.
   * @default true
   */
  readonly enabled?: boolean;
}

/** What every observability backend offers. */
export interface IObservabilityStack extends IConstruct {
  /** Where its alarms are evaluated. */
  readonly backend: AlarmBackend;
  /**
   * Every alarm or rule it creates for the constructs found so far (auto-discovered in its stack
   * and registered with `monitor`), overrides applied, sorted by resource path then key.
   */
  alarms(): AlarmDescription[];
  /** Watches a construct (and everything inside it) even when auto-discovery is off. */
  monitor(scope: IConstruct): void;
  /** Changes the threshold of, or disables, one alarm under a construct. */
  overrideAlarm(override: AlarmOverride): void;
}
