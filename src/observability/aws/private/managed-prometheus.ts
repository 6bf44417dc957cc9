import { PrometheusAlertManagerDefinition } from '@cdktf/provider-aws/lib/prometheus-alert-manager-definition';
import { PrometheusWorkspace } from '@cdktf/provider-aws/lib/prometheus-workspace';
import { Construct } from 'constructs';
import { AwsNameRules } from '../../../core/naming';
import { AwsPlatform } from '../../../platform/aws/aws-platform';
import { RemovalPolicy } from '../../../platform/platform';
import { EncryptedLogGroup } from '../encrypted-log-group';

/**
 * An Amazon Managed Service for Prometheus workspace: KMS-encrypted with the platform key, logging
 * rule and Alertmanager errors to an encrypted log group, its Alertmanager routing every alert to
 * the alarm topic (SigV4, same region).
 * @internal
 */
export class ManagedPrometheus extends Construct {
  public readonly workspaceArn: string;
  public readonly workspaceId: string;
  public readonly endpoint: string;

  constructor(scope: Construct, id: string, retentionDays: number, removalPolicy?: RemovalPolicy) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    const alias = platform.physicalName(scope, AwsNameRules.PROMETHEUS_WORKSPACE_ALIAS, ['metrics']);
    const key = platform.encryptionKey(this, 'prometheus', removalPolicy);
    const logs = new EncryptedLogGroup(this, 'Logs', {
      name: `/aws/vendedlogs/prometheus/${alias}`,
      kmsKeyArn: key.keyArn,
      retentionDays,
    });
    const workspace = new PrometheusWorkspace(this, 'Workspace', {
      alias,
      kmsKeyArn: key.keyArn,
      loggingConfiguration: { logGroupArn: `${logs.arn}:*` },
    });
    platform.protect(workspace, removalPolicy);
    this.workspaceArn = workspace.arn;
    this.workspaceId = workspace.id;
    this.endpoint = workspace.prometheusEndpoint;
  }

  /** Routes every alert of the workspace to the topic. */
  public routeAlertsTo(topicArn: string): void {
    const platform = AwsPlatform.ofAws(this);
    const config = [
      'alertmanager_config: |',
      '  route:',
      '    receiver: alarm-topic',
      '    group_by: [alertname, severity]',
      '  receivers:',
      '    - name: alarm-topic',
      '      sns_configs:',
      `        - topic_arn: ${topicArn}`,
      '          sigv4:',
      `            region: ${platform.region}`,
      '',
    ].join('\n');
    new PrometheusAlertManagerDefinition(this, 'Alertmanager', { workspaceId: this.workspaceId, definition: config });
  }
}
