import { IIdentity } from '../../identity/identity';
import { IAwsNetwork } from '../../platform/aws/network';
import { BiFrontEndBaseProps } from '../bi-contract';

/**
 * Actions an owner of a QuickSight data source gets: everything, including editing the connection,
 * deleting it and sharing it (from the QuickSight API reference's data source permission examples).
 */
export const QUICKSIGHT_DATA_SOURCE_OWNER_ACTIONS: string[] = [
  'quicksight:DeleteDataSource',
  'quicksight:DescribeDataSource',
  'quicksight:DescribeDataSourcePermissions',
  'quicksight:PassDataSource',
  'quicksight:UpdateDataSource',
  'quicksight:UpdateDataSourcePermissions',
];

/**
 * Actions a reader of a QuickSight data source gets: see it and build datasets on it
 * (`PassDataSource`), without editing, deleting or sharing it.
 */
export const QUICKSIGHT_DATA_SOURCE_READER_ACTIONS: string[] = [
  'quicksight:DescribeDataSource',
  'quicksight:DescribeDataSourcePermissions',
  'quicksight:PassDataSource',
];

/** Most permission entries QuickSight accepts on one data source (CreateDataSource `Permissions`). */
export const MAX_QUICKSIGHT_DATA_SOURCE_PRINCIPALS = 64;

/** Database user QuickSight reads each warehouse as (created by the warehouse, read-only). */
export const QUICKSIGHT_DATABASE_USER = 'quicksight_reader';

/**
 * Role QuickSight assumes to read Secrets Manager secrets. QuickSight creates it (path
 * `/service-role/`) when an administrator enables Secrets Manager access in the console.
 */
export const QUICKSIGHT_SECRETS_ROLE_NAME = 'aws-quicksight-secretsmanager-role-v0';

/**
 * Role QuickSight reaches AWS data services (S3, Athena, Glue) with. QuickSight creates it (path
 * `/service-role/`) at sign-up, unless the account uses a role of its own.
 */
export const QUICKSIGHT_SERVICE_ROLE_NAME = 'aws-quicksight-service-role-v0';

/** Path of the roles QuickSight creates. */
export const QUICKSIGHT_ROLE_PATH = '/service-role/';

/** Props of {@link QuickSightAnalytics}. */
export interface QuickSightAnalyticsProps extends BiFrontEndBaseProps {
  /**
   * The AWS account id of the QuickSight subscription that owns the data sources and the VPC
   * connection. QuickSight's API only manages the caller's own account, so give another value only
   * when Terraform runs with credentials of that account.
   * @default - the platform's account (`AwsPlatform.accountId`)
   */
  readonly awsAccountId?: string;
  /**
   * ARNs of QuickSight users or groups that own the data sources (`arn:aws:quicksight:<identity
   * region>:<account>:user/<namespace>/<name>` or `.../group/<namespace>/<name>`). They get
   * {@link QUICKSIGHT_DATA_SOURCE_OWNER_ACTIONS}. At most 64 owners and readers together.
   * @default - none
   */
  readonly owners?: string[];
  /**
   * ARNs of QuickSight users or groups that may build datasets on the data sources. They get
   * {@link QUICKSIGHT_DATA_SOURCE_READER_ACTIONS}.
   * @default - none
   */
  readonly readers?: string[];
  /**
   * Name of the read-only database user each warehouse creates for QuickSight.
   * @default QUICKSIGHT_DATABASE_USER ("quicksight_reader")
   */
  readonly databaseUser?: string;
  /**
   * The private network the VPC connection's network interfaces are placed in (its private
   * subnets). It must be the network of the warehouses.
   * @default - the platform's network (`AwsPlatform.requireNetwork`)
   */
  readonly network?: IAwsNetwork;
  /**
   * The IAM role QuickSight reads Secrets Manager secrets with; each warehouse's read-only
   * credential is granted to it (GetSecretValue on the secret, Decrypt on its key via Secrets
   * Manager).
   * @default - `aws-quicksight-secretsmanager-role-v0` (path `/service-role/`) of the platform's account
   */
  readonly secretsRole?: IIdentity;
  /**
   * The IAM role QuickSight reaches S3, Athena and Glue with; lakes grant it read access to every
   * zone.
   * @default - `aws-quicksight-service-role-v0` (path `/service-role/`) of the platform's account
   */
  readonly serviceRole?: IIdentity;
}
