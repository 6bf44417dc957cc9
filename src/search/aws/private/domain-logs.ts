import { CloudwatchLogResourcePolicy } from '@cdktf/provider-aws/lib/cloudwatch-log-resource-policy';
import { OpensearchDomainLogPublishingOptions } from '@cdktf/provider-aws/lib/opensearch-domain';
import { Construct } from 'constructs';
import { EncryptedLogGroup } from '../../../observability/aws/encrypted-log-group';
import { AwsPlatform } from '../../../platform/aws/aws-platform';

/** Log types a domain publishes, and the log group suffix of each. @internal */
export const DOMAIN_LOG_TYPES: Record<string, string> = {
  ES_APPLICATION_LOGS: 'application',
  INDEX_SLOW_LOGS: 'index-slow',
  SEARCH_SLOW_LOGS: 'search-slow',
  AUDIT_LOGS: 'audit',
};

/**
 * Props of {@link DomainLogs}.
 * @internal
 */
export interface DomainLogsProps {
  readonly domainName: string;
  readonly domainArn: string;
  readonly kmsKeyArn: string;
  readonly retentionDays?: number;
}

/**
 * The domain's application, index and search slow, and audit logs: one KMS-encrypted log group
 * each, with retention, and the CloudWatch Logs resource policy letting OpenSearch Service write to
 * exactly these groups, for this domain of this account only (confused-deputy guard).
 * @internal
 */
export class DomainLogs extends Construct {
  public readonly publishing: OpensearchDomainLogPublishingOptions[];
  public readonly policy: CloudwatchLogResourcePolicy;

  constructor(scope: Construct, id: string, props: DomainLogsProps) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    const groups = Object.entries(DOMAIN_LOG_TYPES).map(([logType, suffix]) => ({
      logType,
      group: new EncryptedLogGroup(this, suffix, {
        name: `/aws/opensearch/${props.domainName}/${suffix}`,
        kmsKeyArn: props.kmsKeyArn,
        retentionDays: props.retentionDays,
      }),
    }));
    this.policy = new CloudwatchLogResourcePolicy(this, 'ResourcePolicy', {
      policyName: `${props.domainName}-opensearch-logs`,
      policyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{
          Effect: 'Allow',
          Principal: { Service: 'es.amazonaws.com' },
          Action: ['logs:PutLogEvents', 'logs:CreateLogStream'],
          Resource: groups.map((g) => `${g.group.arn}:*`),
          Condition: {
            StringEquals: { 'aws:SourceAccount': platform.accountId },
            ArnLike: { 'aws:SourceArn': props.domainArn },
          },
        }],
      }),
    });
    this.publishing = groups.map((g) => ({ logType: g.logType, cloudwatchLogGroupArn: g.group.arn, enabled: true }));
  }
}
