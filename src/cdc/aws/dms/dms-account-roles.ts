/** Whether a DmsCdcSource creates the two account-wide roles DMS requires. */
export enum DmsAccountRolesKind {
  /** Create `dms-vpc-role` and `dms-cloudwatch-logs-role` in this stack. */
  CREATE = 'create',
  /** They exist already in the account (created by the console, another stack or an administrator). */
  EXISTING = 'existing',
}

/** Name DMS requires for the role it manages VPC network interfaces with. */
export const DMS_VPC_ROLE_NAME = 'dms-vpc-role';
/** Name DMS requires for the role it writes task logs to CloudWatch Logs with. */
export const DMS_CLOUDWATCH_LOGS_ROLE_NAME = 'dms-cloudwatch-logs-role';
/** AWS managed policy of `dms-vpc-role` (policy path and name). */
export const DMS_VPC_MANAGED_POLICY = 'service-role/AmazonDMSVPCManagementRole';
/** AWS managed policy of `dms-cloudwatch-logs-role` (policy path and name). */
export const DMS_CLOUDWATCH_LOGS_MANAGED_POLICY = 'service-role/AmazonDMSCloudWatchLogsRole';

/**
 * The account-wide IAM roles DMS looks up by fixed name: `dms-vpc-role` (with the AWS managed
 * policy AmazonDMSVPCManagementRole, needed before a replication subnet group or instance can be
 * created) and `dms-cloudwatch-logs-role` (AmazonDMSCloudWatchLogsRole, needed for task logs).
 * DMS has no setting to use other roles, so there is one of each per account: the console creates
 * them the first time someone uses DMS there.
 *
 * `DmsAccountRoles.create()` (the default) creates them, once per stack, so a first DMS deployment
 * works; an account that already has them must use `DmsAccountRoles.existing()` (IAM refuses a
 * second role of the same name), as must every stack but one in an account.
 */
export class DmsAccountRoles {
  /** Create both roles in this stack (once, whatever the number of DmsCdcSources). */
  public static create(): DmsAccountRoles {
    return new DmsAccountRoles(DmsAccountRolesKind.CREATE);
  }

  /** Use the roles that exist in the account. */
  public static existing(): DmsAccountRoles {
    return new DmsAccountRoles(DmsAccountRolesKind.EXISTING);
  }

  private constructor(
    /** Which choice. */
    public readonly kind: DmsAccountRolesKind,
  ) {}
}
