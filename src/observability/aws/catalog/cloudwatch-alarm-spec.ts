import { IConstruct } from 'constructs';
import { AlarmSpecBase } from '../../private/alarm-spec';

/** How CloudWatch treats periods without data. @internal */
export type MissingData = 'missing' | 'notBreaching' | 'breaching' | 'ignore';

/**
 * One CloudWatch alarm of the catalog. Exactly one of `metric`, `query` or `eventPattern` is set:
 * - `metric`: a plain metric alarm tied to the resource by its dimensions;
 * - `query`: a CloudWatch Metrics Insights query (for metrics whose other dimensions are not known at
 *   synth, such as MSK broker ids or consumer groups), filtered to the resource in its WHERE clause;
 * - `eventPattern`: an EventBridge rule for failure events; the alarm watches the rule's
 *   `AWS/Events TriggeredRules` metric (dimension RuleName), so an event becomes an alarm with actions.
 * @internal
 */
export interface CloudWatchAlarmSpec extends AlarmSpecBase {
  readonly metric?: {
    readonly namespace: string;
    readonly metricName: string;
    readonly dimensions: Record<string, string>;
    /** Average, Sum, Minimum, Maximum, SampleCount or a percentile such as p99. */
    readonly statistic: string;
  };
  /** Metrics Insights SQL (SELECT ... FROM SCHEMA(...) WHERE <resource dimension> = '...'). */
  readonly query?: string;
  /** EventBridge event pattern (object, serialized by the stack). */
  readonly eventPattern?: Record<string, any>;
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
  /** @default evaluationPeriods */
  readonly datapointsToAlarm?: number;
  readonly treatMissingData: MissingData;
}

/** What catalog functions may need besides the construct. @internal */
export interface AwsCatalogContext {
  /** Account id (token), for dimensions such as OpenSearch's ClientId. */
  readonly accountId: string;
  readonly region: string;
}

/** A catalog function: the alarms for one construct, or [] when it is not a kind it knows. @internal */
export type AwsCatalogEntry = (node: IConstruct, context: AwsCatalogContext) => CloudWatchAlarmSpec[];
