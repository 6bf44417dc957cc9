/**
 * Tier 3: deploy the `observability-aws` example to moto with terraform and read back what the
 * ObservabilityStack promises: every alarm `alarms()` lists exists in CloudWatch with its metric,
 * dimensions, threshold, comparison and the SNS topic as action; the topic is KMS-encrypted with the
 * email subscription; the dashboard shows every alarm; the log groups expire and are encrypted.
 * Metric data put with an alarm's dimensions is counted back from the same metric, and an alarm set
 * to ALARM reports it (moto has no alarm history). Skipped loudly without terraform, the mirror or moto.
 */
import {
  CloudWatchClient, DescribeAlarmsCommand, GetDashboardCommand, GetMetricStatisticsCommand, MetricAlarm,
  PutMetricDataCommand, SetAlarmStateCommand,
} from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { GetTopicAttributesCommand, ListSubscriptionsByTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { Testing } from 'cdktf';
import { observabilityAws } from '../../examples/observability-aws';
import { AlarmDescription, CLOUDWATCH_COMPARISON_NAMES, ObservabilityStack } from '../../src';
import { EmulatorDeployment, emulatorTier, needs, STEP_CAP_MS } from '../support/emulator-deployment';
import { MOTO_CREDENTIALS, MOTO_REGION } from '../support/moto';
import { skipTier } from '../support/terraform';

const NOT_EXERCISED_ON_MOTO: ReadonlyArray<{ what: string; reason: string }> = [
  { what: 'Alarm evaluation against live metrics', reason: 'moto stores alarms and metric data but never evaluates them; the state transition is driven with SetAlarmState' },
  { what: 'Email delivery and the subscription confirmation', reason: 'moto records the subscription, sends nothing' },
  { what: 'KMS encryption of the topic and the log groups', reason: 'moto records the key ids without encrypting; the key policies are asserted in the unit tier' },
];

/** Resource types not applied on moto (every other resource is, with -target), and why. */
const NOT_APPLIED_ON_MOTO: ReadonlyArray<{ type: string; reason: string }> = [
  {
    type: 'aws_s3_bucket_policy',
    reason: 'moto 5.2.1 crashes (500) in PutBucketLogging when the target bucket\'s policy has a statement with Principal "*" '
      + '(the TLS-only Deny); the bucket policies are asserted in the unit tier and by terraform validate',
  },
  {
    type: 'aws_prometheus_alert_manager_definition',
    reason: 'moto 5.2.1 implements Managed Prometheus workspaces but not CreateAlertManagerDefinition (404); the definition is asserted '
      + 'in the unit tier and by terraform validate',
  },
];

const EXAMPLE_NAME = 'observability-aws';
const DATAPOINTS = 12;

/** The alarms the example's ObservabilityStack lists, built in-process. */
function expectedAlarms(): AlarmDescription[] {
  const stack = observabilityAws(Testing.app(), { localEndpointUrl: 'http://127.0.0.1:1' });
  const observability = stack.node.findAll().find((c): c is ObservabilityStack => c instanceof ObservabilityStack)!;
  return observability.alarms();
}

const tier = emulatorTier();

if (!tier.ok) {
  skipTier('tier 3 (emulator, observability)', tier.reason, 'deploy alarms, dashboard, topic and log groups, read them back, put metric data');
} else {
  describe(`tier 3: ${EXAMPLE_NAME} on the moto emulator (${tier.detail})`, () => {
    const deployment = new EmulatorDeployment({ name: EXAMPLE_NAME, build: (app, url) => observabilityAws(app, { localEndpointUrl: url }) });
    const expected = expectedAlarms();
    let applied = false;
    let cloudwatch: CloudWatchClient;
    let logs: CloudWatchLogsClient;
    let sns: SNSClient;
    let deployed: MetricAlarm[] = [];

    let state: Array<{ address: string; values: Record<string, any> }> | undefined;
    /** `${type.name.attr}` references replaced by their values in Terraform's state. */
    const resolveRefs = (value: string): string => {
      if (!state) {
        const show = deployment.tf(['show', '-json', '-no-color'], 30_000);
        state = JSON.parse(show.stdout).values.root_module.resources;
      }
      const resources = state!;
      return value.replace(/\$\{([a-z0-9_]+\.[A-Za-z0-9_-]+)\.([a-z0-9_]+)\}/g, (_m, address: string, attr: string) =>
        String(resources.find((r) => r.address === address)?.values[attr] ?? `<${address}.${attr} not in state>`));
    };

    beforeAll(async () => {
      await deployment.start([...NOT_EXERCISED_ON_MOTO, ...NOT_APPLIED_ON_MOTO.map((n) => ({ what: n.type, reason: n.reason }))]);
      const config = { endpoint: deployment.moto!.url, region: MOTO_REGION, credentials: MOTO_CREDENTIALS, maxAttempts: 2 };
      cloudwatch = new CloudWatchClient(config);
      logs = new CloudWatchLogsClient(config);
      sns = new SNSClient(config);
    }, STEP_CAP_MS.moto + 30_000);

    afterAll(async () => {
      [cloudwatch, logs, sns].forEach((c) => c?.destroy());
      await deployment.cleanup();
    }, 90_000);

    test('terraform init + apply deploys every resource of the example but those moto lacks', () => {
      needs('setup (moto, synthesis)', deployment.ready);
      const apply = deployment.apply(NOT_APPLIED_ON_MOTO);
      // Of the observability stack, only the Alertmanager definition (the bucket logging of the example's
      // bucket waits for the access-log bucket's policy).
      expect(apply.notApplied.filter((a) => a.includes('Observability'))).toEqual([
        expect.stringMatching(/^aws_prometheus_alert_manager_definition\./),
      ]);
      expect(apply.excludedInState).toEqual([]);
      deployment.readOutputs({ literalFallback: true });
      applied = true;
    }, STEP_CAP_MS.init + STEP_CAP_MS.apply + 40_000);

    test('every listed alarm exists with its metric, dimensions, threshold, comparison and the topic as action', async () => {
      needs('apply', applied);
      await deployment.step(async () => {
        const res = await cloudwatch.send(new DescribeAlarmsCommand({ AlarmNamePrefix: 'example-obs-', MaxRecords: 100 }));
        deployed = res.MetricAlarms ?? [];
        expect(deployed.map((a) => a.AlarmName).sort()).toEqual(expected.map((a) => a.name).sort());
        for (const want of expected) {
          const got = deployed.find((a) => a.AlarmName === want.name)!;
          expect(got.Threshold).toBe(want.threshold);
          expect(got.ComparisonOperator).toBe(CLOUDWATCH_COMPARISON_NAMES[want.comparison]);
          expect(got.AlarmActions).toEqual([deployment.outputs.alarm_topic_arn]);
          expect(got.OKActions).toEqual([deployment.outputs.alarm_topic_arn]);
          const dimensions = Object.fromEntries(Object.entries(want.dimensions).map(([k, v]) => [k, resolveRefs(v)]));
          expect(Object.fromEntries((got.Dimensions ?? []).map((d) => [d.Name, d.Value]))).toEqual(dimensions);
          expect(want.metric.startsWith(`${got.Namespace} ${got.MetricName} (`)).toBe(true);
        }
      });
    }, STEP_CAP_MS.data);

    test('the iterator-age override reached CloudWatch', () => {
      needs('the alarms', deployed.length > 0);
      const iteratorAge = deployed.filter((a) => a.MetricName === 'GetRecords.IteratorAgeMilliseconds');
      expect(iteratorAge.map((a) => a.Threshold)).toEqual([300_000]);
    });

    test('metric data put with an alarm\'s dimensions is counted back from the same metric', async () => {
      needs('the alarms', deployed.length > 0);
      const alarm = deployed.find((a) => a.MetricName === 'GetRecords.IteratorAgeMilliseconds')!;
      const now = Date.now();
      await deployment.step(async () => {
        await cloudwatch.send(new PutMetricDataCommand({
          Namespace: alarm.Namespace,
          MetricData: Array.from({ length: DATAPOINTS }, (_, i) => ({
            MetricName: alarm.MetricName, Dimensions: alarm.Dimensions, Value: 400_000 + i, Timestamp: new Date(now - i * 1_000),
          })),
        }));
        const stats = await cloudwatch.send(new GetMetricStatisticsCommand({
          Namespace: alarm.Namespace,
          MetricName: alarm.MetricName,
          Dimensions: alarm.Dimensions,
          StartTime: new Date(now - 3_600_000),
          EndTime: new Date(now + 60_000),
          Period: 3_600,
          Statistics: ['SampleCount', 'Maximum'],
        }));
        const sampleCount = (stats.Datapoints ?? []).reduce((n, d) => n + (d.SampleCount ?? 0), 0);
        expect(sampleCount).toBe(DATAPOINTS);
        expect(Math.max(...(stats.Datapoints ?? []).map((d) => d.Maximum ?? 0))).toBe(400_000 + DATAPOINTS - 1);
      });
    }, STEP_CAP_MS.data);

    test('an alarm set to ALARM reports the new state and its reason', async () => {
      needs('the alarms', deployed.length > 0);
      const name = deployed[0].AlarmName!;
      await deployment.step(async () => {
        await cloudwatch.send(new SetAlarmStateCommand({ AlarmName: name, StateValue: 'ALARM', StateReason: 'tier 3 drill' }));
        const after = await cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [name] }));
        expect(after.MetricAlarms?.[0].StateValue).toBe('ALARM');
        expect(after.MetricAlarms?.[0].StateReason).toBe('tier 3 drill');
      });
    }, STEP_CAP_MS.data);

    test('the topic is KMS-encrypted and has the email subscription; the dashboard shows every alarm', async () => {
      needs('apply', applied);
      await deployment.step(async () => {
        const topicArn = deployment.outputs.alarm_topic_arn;
        const attributes = await sns.send(new GetTopicAttributesCommand({ TopicArn: topicArn }));
        expect(attributes.Attributes?.KmsMasterKeyId).toMatch(/^arn:aws:kms:us-east-1:\d{12}:key\//);
        const policy = JSON.parse(attributes.Attributes!.Policy!);
        expect(policy.Statement.map((s: any) => s.Sid)).toEqual(expect.arrayContaining(['CloudWatchAlarmsOfThisAccountPublish', 'DenyInsecureTransport']));
        const subscriptions = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn }));
        expect((subscriptions.Subscriptions ?? []).map((s) => [s.Protocol, s.Endpoint])).toEqual([['email', 'data-oncall@example.com']]);
        const dashboard = await cloudwatch.send(new GetDashboardCommand({ DashboardName: deployment.outputs.dashboard_name }));
        const body = JSON.parse(dashboard.DashboardBody!);
        const statusArns = body.widgets.filter((w: any) => w.type === 'alarm').flatMap((w: any) => w.properties.alarms);
        expect(statusArns.sort()).toEqual(deployed.map((a) => a.AlarmArn).sort());
        expect(body.widgets.filter((w: any) => w.type === 'metric')).toHaveLength(expected.length);
      });
    }, STEP_CAP_MS.data);

    test('every log group of the stack expires and names a KMS key', async () => {
      needs('apply', applied);
      await deployment.step(async () => {
        const groups = (await logs.send(new DescribeLogGroupsCommand({}))).logGroups ?? [];
        const ours = groups.filter((g) => g.logGroupName!.includes('example-obs'));
        expect(ours.length).toBeGreaterThan(0);
        for (const group of ours) {
          expect(group.retentionInDays).toBeGreaterThan(0);
          expect(group.kmsKeyId).toMatch(/^arn:aws:kms:/);
        }
      });
    }, STEP_CAP_MS.data);

    test('terraform destroy removes the alarms', async () => {
      needs('apply', applied);
      deployment.destroy();
      await deployment.step(async () => {
        const res = await cloudwatch.send(new DescribeAlarmsCommand({ AlarmNamePrefix: 'example-obs-' }));
        expect(res.MetricAlarms ?? []).toEqual([]);
      });
    }, STEP_CAP_MS.destroy + 10_000);
  });
}
