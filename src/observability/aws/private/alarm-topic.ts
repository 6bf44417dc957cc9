import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { Construct } from 'constructs';
import { invalidProp } from '../../../core/errors';
import { AwsNameRules, checkName } from '../../../core/naming';
import { isUnresolved } from '../../../core/validate';
import { AwsPlatform } from '../../../platform/aws/aws-platform';
import { DEFAULT_KEY_DELETION_WINDOW_DAYS } from '../../../platform/aws/key-strategy';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Service principals that publish to the topic. @internal */
export interface AlarmTopicPublishers {
  /** ARN of an Amazon Managed Prometheus workspace whose Alertmanager publishes here. */
  readonly prometheusWorkspaceArn?: string;
}

/**
 * The SNS topic alarms notify: encrypted with its own customer-managed key (rotation on) whose
 * policy lets CloudWatch (and Managed Prometheus) use it, publishing restricted to this account's
 * alarms, TLS required.
 * @internal
 */
export class AlarmTopic extends Construct {
  public readonly topicArn: string;
  public readonly keyArn: string;
  private readonly topic: SnsTopic;
  private readonly platform: AwsPlatform;

  constructor(scope: Construct, id: string, emails: string[]) {
    super(scope, id);
    this.platform = AwsPlatform.ofAws(this);
    const name = this.platform.physicalName(scope, AwsNameRules.SNS_TOPIC, ['alarms']);
    const key = new KmsKey(this, 'Key', {
      description: `${this.platform.namePrefix}: alarm notifications (cdktf-data-pipelines)`,
      enableKeyRotation: true,
      deletionWindowInDays: DEFAULT_KEY_DELETION_WINDOW_DAYS,
      policy: JSON.stringify(this.keyPolicy()),
    });
    new KmsAlias(this, 'Alias', {
      name: checkName(scope, 'generated name', `alias/${name}`, AwsNameRules.KMS_ALIAS),
      targetKeyId: key.keyId,
    });
    this.keyArn = key.arn;
    this.topic = new SnsTopic(this, 'Topic', { name, kmsMasterKeyId: key.arn });
    this.topicArn = this.topic.arn;
    emails.forEach((email, index) => {
      if (!isUnresolved(email) && !EMAIL.test(email)) {
        throw invalidProp(scope, `aws.notificationEmails[${index}]`, email, 'use an email address such as oncall@example.com');
      }
      new SnsTopicSubscription(this, `Email${index}`, { topicArn: this.topic.arn, protocol: 'email', endpoint: email });
    });
  }

  /** Writes the topic policy (once the publishers are known). */
  public allowPublishers(publishers: AlarmTopicPublishers): void {
    const { partition, region, accountId } = this.platform;
    const statements: any[] = [
      {
        Sid: 'CloudWatchAlarmsOfThisAccountPublish',
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: 'sns:Publish',
        Resource: this.topic.arn,
        Condition: {
          ArnLike: { 'aws:SourceArn': `arn:${partition}:cloudwatch:${region}:${accountId}:alarm:*` },
          StringEquals: { 'aws:SourceAccount': accountId },
        },
      },
    ];
    if (publishers.prometheusWorkspaceArn) {
      statements.push({
        Sid: 'ManagedPrometheusAlertmanagerPublishes',
        Effect: 'Allow',
        Principal: { Service: 'aps.amazonaws.com' },
        Action: ['sns:Publish', 'sns:GetTopicAttributes'],
        Resource: this.topic.arn,
        Condition: {
          ArnEquals: { 'aws:SourceArn': publishers.prometheusWorkspaceArn },
          StringEquals: { 'aws:SourceAccount': accountId },
        },
      });
    }
    statements.push({
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: 'sns:Publish',
      Resource: this.topic.arn,
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
    new SnsTopicPolicy(this, 'Policy', { arn: this.topic.arn, policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }) });
  }

  private keyPolicy(): Record<string, any> {
    const { partition, accountId } = this.platform;
    const service = (sid: string, principal: string) => ({
      Sid: sid,
      Effect: 'Allow',
      Principal: { Service: principal },
      Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      Resource: '*',
      Condition: { StringEquals: { 'aws:SourceAccount': accountId } },
    });
    return {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'AccountAdministersKeyThroughIam', Effect: 'Allow', Principal: { AWS: `arn:${partition}:iam::${accountId}:root` }, Action: 'kms:*', Resource: '*' },
        service('CloudWatchEncryptsAlarmNotifications', 'cloudwatch.amazonaws.com'),
        service('ManagedPrometheusEncryptsAlertNotifications', 'aps.amazonaws.com'),
      ],
    };
  }
}
