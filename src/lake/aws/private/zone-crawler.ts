import { GlueCrawler, GlueCrawlerConfig } from '@cdktf/provider-aws/lib/glue-crawler';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { Construct } from 'constructs';
import { AwsNameRules } from '../../../core/naming';
import { attachRolePolicy, trustPolicy } from '../../../identity/aws-grant';
import { AwsPlatform } from '../../../platform/aws/aws-platform';
import { TableFormat } from '../../data-lake-contract';
import {
  CRAWLER_DELETE_BEHAVIOR, CRAWLER_MAX_TRAVERSAL_DEPTH, CRAWLER_RECRAWL_BEHAVIOR, CRAWLER_UPDATE_BEHAVIOR,
} from '../aws-data-lake-props';
import { glueArns } from './lake-grants';

/** What a crawler does in its zone's catalog: read, create and update tables and partitions (never delete). */
export const CRAWLER_GLUE_ACTIONS = [
  'glue:BatchCreatePartition', 'glue:BatchGetPartition', 'glue:BatchUpdatePartition', 'glue:CreatePartition', 'glue:CreateTable',
  'glue:GetDatabase', 'glue:GetPartition', 'glue:GetPartitions', 'glue:GetTable', 'glue:GetTables', 'glue:UpdatePartition', 'glue:UpdateTable',
];
/** Crawler logs (encrypted by the security configuration, so the role associates the key). */
export const CRAWLER_LOG_ACTIONS = ['logs:AssociateKmsKey', 'logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'];

/**
 * Props of {@link ZoneCrawler}.
 * @internal
 */
export interface ZoneCrawlerProps {
  readonly zone: string;
  readonly bucketArn: string;
  readonly bucketKeyArn: string;
  readonly location: string;
  readonly databaseName: string;
  readonly tableFormat: TableFormat;
  readonly schedule: string;
  readonly securityConfigurationName: string;
  readonly catalogKeyArn: string;
}

/** The crawler target of the lake's table format (Glue accepts one kind of open-table target per crawler). */
function target(format: TableFormat, location: string): Partial<GlueCrawlerConfig> {
  switch (format) {
    case TableFormat.HUDI:
      return { hudiTarget: [{ paths: [location], maximumTraversalDepth: CRAWLER_MAX_TRAVERSAL_DEPTH }] };
    case TableFormat.DELTA:
      return { deltaTarget: [{ deltaTables: [location], writeManifest: false, createNativeDeltaTable: true }] };
    case TableFormat.ICEBERG:
    default:
      return { icebergTarget: [{ paths: [location], maximumTraversalDepth: CRAWLER_MAX_TRAVERSAL_DEPTH }] };
  }
}

/**
 * The crawler of one zone: scheduled, with the lake's security configuration, crawling the zone's
 * location for tables of the lake's format (this is how Hudi and Delta tables, and Iceberg tables
 * written outside the catalog, get registered), logging rather than applying deletions. Its own
 * role reads the zone's bucket and key, writes the zone's database only, and writes its
 * encrypted logs.
 * @internal
 */
export class ZoneCrawler extends Construct {
  public readonly crawler: GlueCrawler;
  public readonly role: IamRole;

  constructor(scope: Construct, id: string, props: ZoneCrawlerProps) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    this.role = new IamRole(this, 'Role', {
      name: platform.physicalName(this, AwsNameRules.IAM_ROLE, ['lake', props.zone, 'crawler']),
      assumeRolePolicy: trustPolicy({ Service: 'glue.amazonaws.com' }, { StringEquals: { 'aws:SourceAccount': platform.accountId } }),
    });
    const logGroups = `arn:${platform.partition}:logs:${platform.region}:${platform.accountId}:log-group:/aws-glue/crawlers*`;
    const keys = props.bucketKeyArn === props.catalogKeyArn ? [props.catalogKeyArn] : [props.bucketKeyArn, props.catalogKeyArn];
    const policy = attachRolePolicy(this, 'Policy', this.role.name, [
      { actions: ['s3:GetBucketLocation', 's3:GetObject', 's3:ListBucket'], resources: [props.bucketArn, `${props.bucketArn}/*`] },
      { actions: CRAWLER_GLUE_ACTIONS, resources: glueArns(this, props.databaseName) },
      { actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'], resources: keys },
      { actions: CRAWLER_LOG_ACTIONS, resources: [logGroups, `${logGroups}:log-stream:*`] },
    ]);
    this.crawler = new GlueCrawler(this, 'Crawler', {
      name: `${platform.namePrefix}-${props.zone}-crawler`,
      description: `Registers ${props.tableFormat} tables of the ${props.zone} zone (cdktf-data-pipelines)`,
      databaseName: props.databaseName,
      role: this.role.arn,
      schedule: props.schedule,
      securityConfiguration: props.securityConfigurationName,
      ...target(props.tableFormat, props.location),
      recrawlPolicy: { recrawlBehavior: CRAWLER_RECRAWL_BEHAVIOR },
      schemaChangePolicy: { deleteBehavior: CRAWLER_DELETE_BEHAVIOR, updateBehavior: CRAWLER_UPDATE_BEHAVIOR },
      dependsOn: [policy],
    });
  }
}
