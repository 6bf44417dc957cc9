import { TerraformStack } from 'cdktf';
import {
  AlarmBackend, AlarmComparison, AwsPlatform, CLOUDWATCH_COMPARISON_NAMES, CloudWatchObservability, DEFAULT_LOG_RETENTION_DAYS,
  DEFAULT_NOTIFY_ON_OK, KeyStrategy, ObservabilityStack, ObservabilityStackProps, RemovalPolicy, S3Destination, StreamingIngest,
} from '../../../../src';
import { newStack, ref, synth, Synthesized } from '../../../support/synth';

function awsStack(): TerraformStack {
  const stack = newStack();
  new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme' });
  return stack;
}

/** A stack with one Kinesis StreamingIngest (transform + S3 delivery) and an ObservabilityStack. */
function pipeline(props: ObservabilityStackProps = {}): { stack: TerraformStack; events: StreamingIngest; obs: ObservabilityStack } {
  const stack = awsStack();
  const obs = new ObservabilityStack(stack, 'Observability', props);
  // Declared after the observability stack on purpose: discovery runs at synth.
  const events = new StreamingIngest(stack, 'Events', { destinations: [new S3Destination({})], aws: { transform: {} } });
  return { stack, events, obs };
}

const alarmsOf = (out: Synthesized) => Object.values<any>(out.resources('aws_cloudwatch_metric_alarm'));

describe('ObservabilityStack on AWS', () => {
  test('picks the CloudWatch backend', () => {
    const { obs } = pipeline();
    expect(obs.backend).toBe(AlarmBackend.CLOUDWATCH);
    expect(obs.implementation).toBeInstanceOf(CloudWatchObservability);
  });

  test('creates exactly the alarms alarms() lists, each tied to its resource and notifying the topic', () => {
    const { stack, obs } = pipeline();
    const listed = obs.alarms();
    const out = synth(stack);
    const alarms = alarmsOf(out);
    expect(listed.length).toBeGreaterThan(5);
    expect(alarms.map((a) => a.alarm_name).sort()).toEqual(listed.map((a) => a.name).sort());
    const topic = ref(out, 'aws_sns_topic', 'AlarmTopic', 'arn');
    for (const want of listed) {
      const got = alarms.find((a) => a.alarm_name === want.name);
      expect(got.threshold).toBe(want.threshold);
      expect(got.comparison_operator).toBe(CLOUDWATCH_COMPARISON_NAMES[want.comparison]);
      expect(got.alarm_actions).toEqual([topic]);
      expect(got.ok_actions).toEqual([topic]);
      expect(got.alarm_description).toBe(want.description);
      if (got.metric_query) {
        expect(got.metric_query[0].expression).toBe(want.metric);
      } else {
        expect(got.dimensions).toEqual(want.dimensions);
        expect(want.metric).toBe(`${got.namespace} ${got.metric_name} (${got.statistic ?? got.extended_statistic}, ${got.period} s)`);
        expect(want.durationSeconds).toBe(got.period * got.evaluation_periods);
      }
      expect(want.backend).toBe(AlarmBackend.CLOUDWATCH);
    }
  });

  test('watches the stream, the transform Lambda, its dead-letter queue and the delivery stream', () => {
    const { obs } = pipeline();
    const byResource = new Map<string, string[]>();
    for (const a of obs.alarms()) byResource.set(a.resource, [...(byResource.get(a.resource) ?? []), a.key]);
    const resources = [...byResource.keys()];
    expect(resources.some((r) => r.endsWith('/Events/Kinesis'))).toBe(true);
    const keys = obs.alarms().map((a) => a.key);
    expect(keys).toEqual(expect.arrayContaining(['kinesis-iterator-age', 'lambda-errors', 'lambda-dlq-depth']));
    expect(keys.some((k) => k.startsWith('firehose-'))).toBe(true);
  });

  test('alarm names are <namePrefix>-<resource>-<key> without repeating the prefix', () => {
    const { obs } = pipeline();
    const iteratorAge = obs.alarms().find((a) => a.key === 'kinesis-iterator-age')!;
    expect(iteratorAge.name).toBe('acme-events-kinesis-iterator-age');
    // The dimension is the stream's name attribute (so the alarm follows the stream).
    expect(iteratorAge.dimensions).toEqual({ StreamName: expect.stringMatching(/^\$\{aws_kinesis_stream\.Events_Kinesis_Stream_[0-9A-F]+\.name\}$/) });
  });

  test('the topic is encrypted with its own rotating key whose policy lets CloudWatch use it; publishing is this account\'s alarms only, over TLS', () => {
    const { stack } = pipeline();
    const out = synth(stack);
    const topic = out.only('aws_sns_topic');
    expect(topic.name).toBe('acme-alarms');
    expect(topic.kms_master_key_id).toBe(ref(out, 'aws_kms_key', 'AlarmTopic', 'arn'));
    const [, key] = Object.entries<any>(out.resources('aws_kms_key')).find(([id]) => id.includes('AlarmTopic'))!;
    expect(key.enable_key_rotation).toBe(true);
    const keyPolicy = JSON.parse(key.policy);
    expect(keyPolicy.Statement.map((s: any) => s.Principal)).toEqual([
      { AWS: expect.stringMatching(/^arn:\$\{data\.aws_partition\..*\}:iam::\$\{data\.aws_caller_identity\..*\.account_id\}:root$/) },
      { Service: 'cloudwatch.amazonaws.com' },
      { Service: 'aps.amazonaws.com' },
    ]);
    const policy = JSON.parse(out.only('aws_sns_topic_policy').policy);
    expect(policy.Statement.map((s: any) => [s.Sid, s.Effect])).toEqual([
      ['CloudWatchAlarmsOfThisAccountPublish', 'Allow'],
      ['DenyInsecureTransport', 'Deny'],
    ]);
    expect(policy.Statement[0].Condition.ArnLike['aws:SourceArn']).toMatch(/^arn:.*:cloudwatch:.*:alarm:\*$/);
    expect(policy.Statement[1].Condition).toEqual({ Bool: { 'aws:SecureTransport': 'false' } });
    expect(out.resources('aws_sns_topic_subscription')).toEqual({});
  });

  test('notificationEmails subscribe; notifyOnOk false leaves OK actions empty', () => {
    expect(DEFAULT_NOTIFY_ON_OK).toBe(true);
    const { stack } = pipeline({ aws: { notificationEmails: ['oncall@example.com'], notifyOnOk: false } });
    const out = synth(stack);
    expect(Object.values<any>(out.resources('aws_sns_topic_subscription')).map((s) => [s.protocol, s.endpoint])).toEqual([['email', 'oncall@example.com']]);
    for (const alarm of alarmsOf(out)) expect(alarm.ok_actions).toEqual([]);
  });

  test('an existing topic is used as is', () => {
    const arn = 'arn:aws:sns:eu-west-1:123456789012:oncall';
    const { stack } = pipeline({ aws: { alarmTopicArn: arn } });
    const out = synth(stack);
    expect(out.resources('aws_sns_topic')).toEqual({});
    for (const alarm of alarmsOf(out)) expect(alarm.alarm_actions).toEqual([arn]);
  });

  test('the dashboard shows every alarm\'s status and a graph per alarm with its threshold', () => {
    const { stack, obs } = pipeline();
    const listed = obs.alarms();
    const out = synth(stack);
    const dashboard = out.only('aws_cloudwatch_dashboard');
    expect(dashboard.dashboard_name).toBe('acme-pipeline');
    const body = JSON.parse(dashboard.dashboard_body);
    const status = body.widgets.filter((w: any) => w.type === 'alarm');
    expect(status.flatMap((w: any) => w.properties.alarms)).toHaveLength(listed.length);
    const graphs = body.widgets.filter((w: any) => w.type === 'metric');
    expect(graphs).toHaveLength(listed.length);
    const iteratorAge = graphs.find((g: any) => g.properties.title === 'acme-events: kinesis-iterator-age');
    expect(iteratorAge.properties.annotations.horizontal[0].value).toBe(listed.find((a) => a.key === 'kinesis-iterator-age')!.threshold);
    expect(iteratorAge.properties.metrics[0].slice(0, 4)).toEqual(['AWS/Kinesis', 'GetRecords.IteratorAgeMilliseconds', 'StreamName', ref(out, 'aws_kinesis_stream', 'Events', 'name')]);
  });

  test('managedPrometheus adds an encrypted workspace logging to an expiring encrypted log group, its Alertmanager routing to the topic', () => {
    const { stack } = pipeline({ aws: { managedPrometheus: true } });
    const out = synth(stack);
    const workspace = out.only('aws_prometheus_workspace');
    expect(workspace.alias).toBe('acme-metrics');
    expect(workspace.kms_key_arn).toMatch(/^\$\{aws_kms_key\./);
    expect(workspace.logging_configuration.log_group_arn).toMatch(/^\$\{aws_cloudwatch_log_group\..*\.arn\}:\*$/);
    const group = Object.values<any>(out.resources('aws_cloudwatch_log_group')).find((g) => g.name === '/aws/vendedlogs/prometheus/acme-metrics');
    expect(group.retention_in_days).toBe(DEFAULT_LOG_RETENTION_DAYS);
    expect(group.kms_key_id).toMatch(/^\$\{aws_kms_key\./);
    const definition = out.only('aws_prometheus_alert_manager_definition').definition;
    expect(definition).toContain('topic_arn: ${aws_sns_topic.');
    expect(definition).toContain('region: eu-west-1');
    const policy = JSON.parse(out.only('aws_sns_topic_policy').policy);
    expect(policy.Statement.map((s: any) => s.Sid)).toEqual(['CloudWatchAlarmsOfThisAccountPublish', 'ManagedPrometheusAlertmanagerPublishes', 'DenyInsecureTransport']);
  });

  test('the workspace keeps its metrics unless DESTROY is opted into twice', () => {
    const retained = synth(pipeline({ aws: { managedPrometheus: true } }).stack).only('aws_prometheus_workspace');
    expect(retained.lifecycle).toEqual({ prevent_destroy: true });
    const stack = newStack();
    new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme', allowDataDestruction: true });
    new ObservabilityStack(stack, 'Observability', { aws: { managedPrometheus: true, removalPolicy: RemovalPolicy.DESTROY } });
    expect(synth(stack).only('aws_prometheus_workspace').lifecycle).toBeUndefined();
  });

  test('invalid notification email: exact message', () => {
    expect(() => pipeline({ aws: { notificationEmails: ['oncall'] } })).toThrow(
      'test/Observability/CloudWatch: invalid aws.notificationEmails[0]: received "oncall"; use an email address such as oncall@example.com.');
  });

  test('emails with an existing topic: exact message', () => {
    expect(() => pipeline({ aws: { alarmTopicArn: 'arn:aws:sns:eu-west-1:123456789012:t', notificationEmails: ['a@example.com'] } })).toThrow(
      'test/Observability/CloudWatch: aws.notificationEmails subscribes to the topic this stack creates; with aws.alarmTopicArn, subscribe on that topic instead.');
  });

  test('no workspace by default', () => {
    const { stack } = pipeline();
    expect(synth(stack).resources('aws_prometheus_workspace')).toEqual({});
  });

  test('the platform key strategy does not change the topic key (CloudWatch needs its own key policy)', () => {
    const stack = newStack();
    new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme', keyStrategy: KeyStrategy.existingKey('arn:aws:kms:eu-west-1:123456789012:key/abc') });
    new ObservabilityStack(stack, 'Observability');
    const out = synth(stack);
    // The stream uses the existing key; only the topic's key is created.
    expect(Object.keys(out.resources('aws_kms_key')).map((id) => id.includes('AlarmTopic'))).toEqual([true]);
  });
});

describe('overrides', () => {
  test('a threshold override applies to the resources under its scope only', () => {
    const stack = awsStack();
    const a = new StreamingIngest(stack, 'A', {});
    new StreamingIngest(stack, 'B', {});
    const obs = new ObservabilityStack(stack, 'Observability', { alarmOverrides: [{ scope: a, alarm: 'kinesis-iterator-age', threshold: 600_000 }] });
    const ages = obs.alarms().filter((x) => x.key === 'kinesis-iterator-age');
    expect(ages.map((x) => [x.resource, x.threshold])).toEqual([
      ['test/A/Kinesis', 600_000],
      ['test/B/Kinesis', ages[1].threshold],
    ]);
    expect(ages[1].threshold).not.toBe(600_000);
    const out = synth(stack);
    expect(alarmsOf(out).find((x) => x.alarm_name === 'acme-a-kinesis-iterator-age').threshold).toBe(600_000);
  });

  test('enabled: false removes the alarm; overrideAlarm() after construction works the same', () => {
    const { stack, events, obs } = pipeline();
    obs.overrideAlarm({ scope: events, alarm: 'lambda-errors', enabled: false });
    expect(obs.alarms().map((x) => x.key)).not.toContain('lambda-errors');
    expect(alarmsOf(synth(stack)).map((x) => x.alarm_name)).not.toContain('acme-events-transform-lambda-errors');
  });

  test('unknown alarm key: the error lists the keys under the scope', () => {
    const stack = awsStack();
    const a = new StreamingIngest(stack, 'A', {});
    const obs = new ObservabilityStack(stack, 'Observability', { alarmOverrides: [{ scope: a, alarm: 'iterator-age', threshold: 1 }] });
    expect(() => obs.alarms()).toThrow(/^test\/Observability\/CloudWatch: invalid alarmOverrides\[0\]\.alarm: received "iterator-age"; alarms under test\/A are /);
  });

  test('threshold outside the range: exact message', () => {
    const stack = awsStack();
    const a = new StreamingIngest(stack, 'A', {});
    const obs = new ObservabilityStack(stack, 'Observability', { alarmOverrides: [{ scope: a, alarm: 'kinesis-iterator-age', threshold: -5 }] });
    expect(() => obs.alarms()).toThrow(/^test\/Observability\/CloudWatch: invalid alarmOverrides\[0\]\.threshold: received -5; kinesis-iterator-age takes (an integer|a number) from \d+ to \d+ \(ms\)\.$/);
    expect(() => synth(stack)).toThrow('invalid alarmOverrides[0].threshold: received -5');
  });

  test('a scope without monitored resources: exact message', () => {
    const stack = awsStack();
    const empty = new TerraformStack(stack.node.scope as any, 'other');
    new AwsPlatform(empty, 'Platform', { region: 'eu-west-1', namePrefix: 'other' });
    const obs = new ObservabilityStack(stack, 'Observability', { alarmOverrides: [{ scope: empty, alarm: 'kinesis-iterator-age', threshold: 1 }] });
    expect(() => obs.alarms()).toThrow('test/Observability/CloudWatch: invalid alarmOverrides[0].scope: received "other"; name a construct that contains a monitored pipeline resource (see alarms()).');
  });

  test('autoDiscover false watches only what monitor() registers', () => {
    const stack = awsStack();
    const a = new StreamingIngest(stack, 'A', {});
    new StreamingIngest(stack, 'B', {});
    const obs = new ObservabilityStack(stack, 'Observability', { autoDiscover: false });
    expect(obs.alarms()).toEqual([]);
    obs.monitor(a);
    expect([...new Set(obs.alarms().map((x) => x.resource))]).toEqual(['test/A/Kinesis']);
  });

  test('comparison names', () => {
    expect(CLOUDWATCH_COMPARISON_NAMES[AlarmComparison.LESS_THAN]).toBe('LessThanThreshold');
  });
});
