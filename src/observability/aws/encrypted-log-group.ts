import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { Construct } from 'constructs';
import { invalidProp } from '../../core/errors';
import { AwsNameRules, checkName } from '../../core/naming';
import { integerInRange } from '../../core/validate';

/** Days CloudWatch keeps log events (never "never expire"). */
export const DEFAULT_LOG_RETENTION_DAYS = 90;
/** Retention values CloudWatch Logs accepts, days. */
export const ALLOWED_LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/** Props of {@link EncryptedLogGroup}. */
export interface EncryptedLogGroupProps {
  /** Log group name. */
  readonly name: string;
  /** KMS key ARN. */
  readonly kmsKeyArn: string;
  /**
   * Retention, days (one of the values CloudWatch accepts).
   * @default 90
   */
  readonly retentionDays?: number;
}

/** A CloudWatch log group that is always KMS-encrypted and always expires. */
export class EncryptedLogGroup extends Construct {
  /** The log group. */
  public readonly logGroup: CloudwatchLogGroup;
  /** Name of the log group. */
  public readonly name: string;
  /** ARN of the log group. */
  public readonly arn: string;

  constructor(scope: Construct, id: string, props: EncryptedLogGroupProps) {
    super(scope, id);
    checkName(scope, 'log group name', props.name, AwsNameRules.LOG_GROUP);
    const retention = integerInRange(scope, 'logRetentionDays', props.retentionDays, 1, 3653, DEFAULT_LOG_RETENTION_DAYS);
    if (!ALLOWED_LOG_RETENTION_DAYS.includes(retention)) {
      throw invalidProp(scope, 'logRetentionDays', retention, `use one of ${ALLOWED_LOG_RETENTION_DAYS.join(', ')}`);
    }
    this.logGroup = new CloudwatchLogGroup(this, 'LogGroup', {
      name: props.name,
      retentionInDays: retention,
      kmsKeyId: props.kmsKeyArn,
    });
    this.name = this.logGroup.name;
    this.arn = this.logGroup.arn;
  }
}
