/** Severity DMS logs each task component at. @internal */
export const DMS_LOG_SEVERITY = 'LOGGER_SEVERITY_DEFAULT';

/** Task components whose logs are written to CloudWatch Logs. */
export const DMS_LOG_COMPONENTS = ['SOURCE_UNLOAD', 'SOURCE_CAPTURE', 'TARGET_LOAD', 'TARGET_APPLY', 'TASK_MANAGER'];

/** Column of the previous values of an update's primary key on stream targets. */
export const DMS_BEFORE_IMAGE_FIELD = 'before-image';

/**
 * Task (or serverless replication) settings:
 * - `Logging`: CloudWatch logging on for every component, at the default severity. The log group
 *   and stream keys are left out: DMS names the group itself (the library pre-creates it with KMS
 *   and retention) and the provider reports those read-only keys as a perpetual diff.
 * - `FullLoadSettings.TargetTablePrepMode` DO_NOTHING: never drop or truncate what is at the target
 *   (on S3, DROP_AND_CREATE would delete the zone folder's files).
 * - Stream targets: `BeforeImageSettings` adds the previous primary-key values of updates, so a
 *   consumer can follow a key change.
 * @internal
 */
export function taskSettings(streamTarget: boolean): Record<string, unknown> {
  return {
    Logging: {
      EnableLogging: true,
      LogComponents: DMS_LOG_COMPONENTS.map((Id) => ({ Id, Severity: DMS_LOG_SEVERITY })),
    },
    FullLoadSettings: { TargetTablePrepMode: 'DO_NOTHING' },
    ...(streamTarget ? { BeforeImageSettings: { EnableBeforeImage: true, FieldName: DMS_BEFORE_IMAGE_FIELD, ColumnFilter: 'pk-only' } } : {}),
  };
}
