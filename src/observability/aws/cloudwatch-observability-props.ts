import { RemovalPolicy } from '../../platform/platform';
import { ObservabilityCommonProps } from '../observability-props';

/** AWS-only options of an observability stack. */
export interface CloudWatchObservabilityOptions {
  /**
   * An existing SNS topic for alarm notifications. Its access policy must let CloudWatch publish,
   * and its KMS key policy must let CloudWatch use the key.
   * @default - a new topic encrypted with its own customer-managed key
   */
  readonly alarmTopicArn?: string;
  /**
   * Email addresses subscribed to the alarm topic (each confirms by email).
   * @default - no subscriptions
   */
  readonly notificationEmails?: string[];
  /**
   * Also notify when an alarm returns to OK.
   * @default DEFAULT_NOTIFY_ON_OK (true)
   */
  readonly notifyOnOk?: boolean;
  /**
   * Create an Amazon Managed Service for Prometheus workspace (KMS-encrypted, logging to CloudWatch),
   * whose Alertmanager routes to the alarm topic.
   * @default false
   */
  readonly managedPrometheus?: boolean;
  /**
   * Removal policy of the Managed Prometheus workspace (its metrics) and its key.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Retention of the log groups this stack creates, days.
   * @default DEFAULT_LOG_RETENTION_DAYS (90)
   */
  readonly logRetentionDays?: number;
}

/** Props of {@link CloudWatchObservability}. */
export interface CloudWatchObservabilityProps extends ObservabilityCommonProps, CloudWatchObservabilityOptions {}

/** Whether alarm recoveries are notified too. */
export const DEFAULT_NOTIFY_ON_OK = true;
