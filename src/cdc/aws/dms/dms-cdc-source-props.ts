import { DmsAccountRoles } from './dms-account-roles';
import { DmsCapacity } from './dms-capacity';
import { DmsSourceTls } from './dms-source-tls';
import { RemovalPolicy } from '../../../platform/platform';
import { CdcSourceBaseProps } from '../../cdc-contract';

/** Days DMS task logs are kept in CloudWatch Logs. */
export const DEFAULT_DMS_LOG_RETENTION_DAYS = 90;

/** Props of {@link DmsCdcSource}. */
export interface DmsCdcSourceProps extends CdcSourceBaseProps {
  /**
   * A replication instance or DMS Serverless.
   * @default DmsCapacity.instance() (DEFAULT_DMS_INSTANCE_CLASS, 50 GiB, Multi-AZ)
   */
  readonly capacity?: DmsCapacity;
  /**
   * TLS to the source database (always on).
   * @default DmsSourceTls.require()
   */
  readonly sourceTls?: DmsSourceTls;
  /**
   * Whether this stack creates the account-wide roles `dms-vpc-role` and `dms-cloudwatch-logs-role`.
   * @default DmsAccountRoles.create()
   */
  readonly accountRoles?: DmsAccountRoles;
  /**
   * SNS topic notified of replication task failures (a DMS event subscription). The topic's key
   * policy, if it is encrypted, must let `dms.amazonaws.com` use the key.
   * @default - none (no event subscription)
   */
  readonly failureTopicArn?: string;
  /**
   * Days the task logs are kept (a value CloudWatch Logs accepts).
   * @default DEFAULT_DMS_LOG_RETENTION_DAYS (90)
   */
  readonly logRetentionDays?: number;
  /**
   * What happens to the task logs on removal. DESTROY also needs the platform's
   * `allowDataDestruction`.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}
