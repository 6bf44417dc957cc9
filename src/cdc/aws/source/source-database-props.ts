import { RemovalPolicy } from '../../../platform/platform';
import { ICredential } from '../../../secrets/secret-store-contract';

/**
 * Longest `name` suffix: `<name>-master` stays within the 32 characters of a generated credential's
 * name, and `<namePrefix>-<name>-<n>` within the 63 of an instance identifier.
 */
export const MAX_AWS_SOURCE_NAME_LENGTH = 25;
/** Database the captured tables live in (created by RDS; informational on DocumentDB). */
export const DEFAULT_AWS_SOURCE_DATABASE_NAME = 'app';
/**
 * User name of the master (administrator) user. Letters and digits only: the rule RDS (MySQL and
 * PostgreSQL) and DocumentDB share.
 */
export const DEFAULT_AWS_SOURCE_MASTER_USERNAME = 'cdcadmin';
/** Longest master user name accepted (the RDS for MySQL limit, the strictest of the three engines). */
export const MAX_AWS_SOURCE_MASTER_USERNAME_LENGTH = 16;
/** Days automated backups (and point-in-time recovery) are kept: a week to notice and recover from a mistake. */
export const DEFAULT_AWS_SOURCE_BACKUP_RETENTION_DAYS = 7;
/** Fewest days of automated backups accepted (0 would turn backups off and, on MySQL, the binlog CDC reads). */
export const MIN_AWS_SOURCE_BACKUP_RETENTION_DAYS = 1;
/** Most days of automated backups RDS and DocumentDB keep. */
export const MAX_AWS_SOURCE_BACKUP_RETENTION_DAYS = 35;
/** Days the CloudWatch log groups the database exports to keep events. */
export const DEFAULT_AWS_SOURCE_LOG_RETENTION_DAYS = 365;

/** Props every AWS source database accepts. */
export interface AwsSourceDatabaseBaseProps {
  /**
   * Name suffix after the platform's namePrefix (1 to 25 lowercase letters, digits, single hyphens): the
   * instance or cluster identifier is `<namePrefix>-<name>`.
   * @default - the construct id in kebab case
   */
  readonly name?: string;
  /**
   * Database name (lowercase letters, digits, underscores, starting with a letter). RDS creates it;
   * on DocumentDB it only names the database for the CDC contract.
   * @default DEFAULT_AWS_SOURCE_DATABASE_NAME ("app")
   */
  readonly databaseName?: string;
  /**
   * User name of the master user (1 to 16 letters and digits, starting with a letter).
   * @default DEFAULT_AWS_SOURCE_MASTER_USERNAME ("cdcadmin")
   */
  readonly masterUsername?: string;
  /**
   * Days automated backups are kept (1 to 35).
   * @default DEFAULT_AWS_SOURCE_BACKUP_RETENTION_DAYS (7)
   */
  readonly backupRetentionDays?: number;
  /**
   * Days the exported database logs are kept in CloudWatch Logs (a value CloudWatch accepts).
   * @default DEFAULT_AWS_SOURCE_LOG_RETENTION_DAYS (365)
   */
  readonly logRetentionDays?: number;
  /**
   * The credential CDC connects with, in Secrets Manager. For AWS DMS its secret must also hold
   * `host` and `port` (DMS reads the connection from it).
   * @default - the master user's credential (it has the replication privileges CDC needs); give a
   * least-privilege user's credential here once a DBA has created it (see the README)
   */
  readonly cdcCredential?: ICredential;
  /**
   * Revision of the generated master password: bump it to generate a new one and set it on the
   * database (and in its secret) in the same apply.
   * @default DEFAULT_CREDENTIAL_REVISION (1)
   */
  readonly masterPasswordRevision?: number;
  /**
   * What happens to the database, its logs and key on removal. RETAIN sets `prevent_destroy` and
   * deletion protection and takes a final snapshot; DESTROY (with the platform's
   * `allowDataDestruction`) deletes without a final snapshot.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** One parameter of a DB (cluster) parameter group, as the library sets it. */
export interface AwsDatabaseParameter {
  /** Parameter name. */
  readonly name: string;
  /** Value. */
  readonly value: string;
  /** `immediate` (dynamic parameters) or `pending-reboot` (static ones). */
  readonly applyMethod: string;
}

/** Apply method of dynamic parameters. */
export const DB_PARAMETER_APPLY_IMMEDIATE = 'immediate';
/** Apply method of static parameters (they take effect at creation, later only after a reboot). */
export const DB_PARAMETER_APPLY_PENDING_REBOOT = 'pending-reboot';
