import { Construct, IConstruct } from 'constructs';
import { AwsPlatform } from '../../platform/aws/aws-platform';
import { ISearchCluster } from '../../search/search-cluster-contract';
import { AlarmBackend, AlarmDescription, AlarmOverride, IObservabilityStack } from '../alarm-contract';
import { AWS_CATALOG } from './catalog';
import { AlarmDiscovery, sortDescriptions } from '../private/alarm-discovery';
import { AwsCatalogContext, CloudWatchAlarmSpec } from './catalog/cloudwatch-alarm-spec';
import { CloudWatchObservabilityProps, DEFAULT_NOTIFY_ON_OK } from './cloudwatch-observability-props';
import { DEFAULT_LOG_RETENTION_DAYS, EncryptedLogGroup } from './encrypted-log-group';
import { createAlarmDashboard, DashboardAlarm } from './private/alarm-dashboard';
import { AlarmTopic } from './private/alarm-topic';
import { createCloudWatchAlarm, eventMetric } from './private/cloudwatch-alarm';
import { ManagedPrometheus } from './private/managed-prometheus';
import { TerraformOutput } from '../../core/cdktf';
import { invalidConfig } from '../../core/errors';
import { AwsNameRules, boundedName, checkName, joinName } from '../../core/naming';
import { renderTokens } from '../../core/resolve';

/** Longest CloudWatch alarm name. */
const MAX_ALARM_NAME = 255;
/** Longest EventBridge rule name. */
const MAX_RULE_NAME = 64;

/**
 * The AWS backend of an ObservabilityStack: CloudWatch alarms tied by dimensions to every pipeline
 * resource in the stack (Kinesis, Firehose, Lambda and its DLQ, MSK, DMS, Redshift, OpenSearch, Glue
 * crawlers), EventBridge rules turning failure events into alarms, a KMS-encrypted SNS topic they
 * notify, one dashboard, optionally an Amazon Managed Prometheus workspace, and the stack's log
 * groups shipped to a SearchCluster.
 *
 * Alarms are created at synth, once the whole stack exists; `alarms()` lists them at any time.
 */
export class CloudWatchObservability extends Construct implements IObservabilityStack {
  public readonly backend = AlarmBackend.CLOUDWATCH;
  /** ARN of the topic alarms notify. */
  public readonly alarmTopicArn: string;
  /** Name of the dashboard. */
  public readonly dashboardName: string;
  /** Remote-write and query endpoint of the Managed Prometheus workspace. @default - none */
  public readonly prometheusEndpoint?: string;

  private readonly discovery: AlarmDiscovery<CloudWatchAlarmSpec>;
  private readonly platform: AwsPlatform;
  private readonly context: AwsCatalogContext;

  constructor(scope: Construct, id: string, props: CloudWatchObservabilityProps = {}) {
    super(scope, id);
    this.platform = AwsPlatform.ofAws(this);
    this.context = { accountId: this.platform.accountId, region: this.platform.region };
    const retention = props.logRetentionDays ?? DEFAULT_LOG_RETENTION_DAYS;
    let topic: AlarmTopic | undefined;
    if (props.alarmTopicArn !== undefined) {
      if (props.notificationEmails?.length) {
        throw invalidConfig(this, 'aws.notificationEmails subscribes to the topic this stack creates; with aws.alarmTopicArn, subscribe on that topic instead.');
      }
      this.alarmTopicArn = props.alarmTopicArn;
    } else {
      topic = new AlarmTopic(this, 'AlarmTopic', props.notificationEmails ?? []);
      this.alarmTopicArn = topic.topicArn;
    }
    let prometheus: ManagedPrometheus | undefined;
    if (props.managedPrometheus) {
      prometheus = new ManagedPrometheus(this, 'ManagedPrometheus', retention, props.removalPolicy);
      prometheus.routeAlertsTo(this.alarmTopicArn);
      this.prometheusEndpoint = prometheus.endpoint;
    }
    topic?.allowPublishers({ prometheusWorkspaceArn: prometheus?.workspaceArn });
    this.dashboardName = this.platform.physicalName(this, AwsNameRules.CLOUDWATCH_DASHBOARD, ['pipeline']);
    const actions = { alarmActions: [this.alarmTopicArn], okActions: (props.notifyOnOk ?? DEFAULT_NOTIFY_ON_OK) ? [this.alarmTopicArn] : [] };
    this.discovery = new AlarmDiscovery<CloudWatchAlarmSpec>(
      this,
      props,
      (node) => AWS_CATALOG.flatMap((entry) => entry(node, this.context)),
      (specs) => this.createAlarms(specs, actions),
      () => { if (props.searchCluster) this.shipLogs(props.searchCluster); },
    );
    new TerraformOutput(this, 'DashboardUrl', {
      value: `https://${this.platform.region}.console.aws.amazon.com/cloudwatch/home?region=${this.platform.region}#dashboards:name=${this.dashboardName}`,
      description: 'CloudWatch dashboard of the pipeline alarms',
    });
  }

  public alarms(): AlarmDescription[] {
    return sortDescriptions(this.discovery.specs().map((spec) => this.describe(spec)));
  }

  public monitor(scope: IConstruct): void {
    this.discovery.monitor(scope);
  }

  public overrideAlarm(override: AlarmOverride): void {
    this.discovery.override(override);
  }

  private names(spec: CloudWatchAlarmSpec): { alarmName: string; ruleName: string } {
    const prefix = this.platform.namePrefix;
    const base = spec.resourceName.startsWith(`${prefix}-`) ? [spec.resourceName, spec.key] : [prefix, spec.resourceName, spec.key];
    return {
      alarmName: checkName(this, 'generated name', boundedName(joinName(base, false), MAX_ALARM_NAME), AwsNameRules.CLOUDWATCH_ALARM),
      ruleName: checkName(this, 'generated name', boundedName(joinName(base, false), MAX_RULE_NAME), AwsNameRules.EVENT_RULE),
    };
  }

  private describe(spec: CloudWatchAlarmSpec): AlarmDescription {
    const { alarmName, ruleName } = this.names(spec);
    let metric: string;
    let dimensions: Record<string, string>;
    if (spec.query !== undefined) {
      metric = spec.query;
      dimensions = {};
    } else {
      const m = spec.eventPattern !== undefined ? eventMetric(ruleName) : spec.metric!;
      metric = `${m.namespace} ${m.metricName} (${m.statistic}, ${spec.periodSeconds} s)`;
      dimensions = m.dimensions;
    }
    return {
      key: spec.key,
      name: renderTokens(this, alarmName),
      backend: AlarmBackend.CLOUDWATCH,
      metric: renderTokens(this, metric),
      dimensions: renderTokens(this, dimensions),
      threshold: spec.threshold,
      comparison: spec.comparison,
      durationSeconds: spec.periodSeconds * spec.evaluationPeriods,
      resource: spec.resource.node.path,
      description: renderTokens(this, spec.description),
    };
  }

  private createAlarms(specs: CloudWatchAlarmSpec[], actions: { alarmActions: string[]; okActions: string[] }): void {
    const seen = new Map<string, CloudWatchAlarmSpec>();
    const drawn: DashboardAlarm[] = [];
    const alarmsScope = new Construct(this, 'Alarms');
    for (const spec of specs) {
      const names = this.names(spec);
      const clash = seen.get(names.alarmName);
      if (clash) {
        throw invalidConfig(this, `two alarms would be named "${names.alarmName}" (${clash.resource.node.path} and ${spec.resource.node.path}); give one of the resources another name.`);
      }
      seen.set(names.alarmName, spec);
      const id = `${spec.resource.node.path.split('/').slice(1).join('-')}-${spec.key}`;
      const alarm = createCloudWatchAlarm(alarmsScope, id, spec, names, actions);
      const metric = spec.query !== undefined ? undefined : spec.eventPattern !== undefined ? eventMetric(names.ruleName) : spec.metric;
      drawn.push({ spec, alarmArn: alarm.arn, alarmName: names.alarmName, metric });
    }
    createAlarmDashboard(this, 'Dashboard', this.dashboardName, this.platform.region, drawn);
  }

  /** Ships every log group of the watched constructs, except the search cluster's own, to it. */
  private shipLogs(searchCluster: ISearchCluster): void {
    const own = new Set<IConstruct>(searchCluster.node.findAll());
    const logGroups = this.discovery.watched()
      .filter((node): node is EncryptedLogGroup => node instanceof EncryptedLogGroup && !own.has(node))
      .map((group) => group.name);
    if (logGroups.length > 0) searchCluster.ingestLogs('PipelineLogs', { logGroupNames: logGroups });
  }
}
