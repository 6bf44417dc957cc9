import { TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Identity } from '../../../../src/identity/identity';
import { AwsNetwork } from '../../../../src/network/aws/aws-network';
import { DEFAULT_VPC_CIDR, PrivateNetwork } from '../../../../src/network/aws/private-network';
import { AwsPlatform } from '../../../../src/platform/aws/aws-platform';
import { RemovalPolicy } from '../../../../src/platform/platform';
import {
  DEFAULT_MSK_BROKERS, DEFAULT_MSK_INSTANCE_TYPE, DEFAULT_MSK_KAFKA_VERSION, DEFAULT_MSK_VOLUME_GIB, MAX_MSK_VOLUME_GIB,
  MSK_BROKER_LOG_RETENTION_DAYS, MSK_ENHANCED_MONITORING, MSK_IAM_PORT, MSK_MIN_INSYNC_REPLICAS, MSK_REPLICATION_FACTOR,
  MskClusterType, MskStreamingIngest,
} from '../../../../src/streaming/aws/msk';
import { MIN_KAFKA_PARTITIONS, StreamCapacity } from '../../../../src/streaming/capacity';
import { IStreamDestination } from '../../../../src/streaming/destination';
import { DEFAULT_RETENTION_HOURS, MAX_RETENTION_HOURS, MIN_RETENTION_HOURS, StreamingEngine } from '../../../../src/streaming/streaming-ingest-contract';
import { newStack, synth } from '../../../support/synth';

function mskStack(opts: { network?: boolean; allowDataDestruction?: boolean } = {}): TerraformStack {
  const stack = newStack();
  new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme', allowDataDestruction: opts.allowDataDestruction });
  if (opts.network ?? true) new PrivateNetwork(stack, 'Network');
  return stack;
}

type Out = ReturnType<typeof synth>;
const ref = (type: string, out: Out, attr: string) => `\${${type}.${Object.keys(out.resources(type))[0]}.${attr}}`;
const dataRef = (type: string, out: Out, attr: string) => `\${data.${type}.${Object.keys(out.data(type))[0]}.${attr}}`;
/** `arn:<partition>:kafka:<region>:<account>:<kind>/<cluster>/<uuid>` of the one cluster of `type` created in the stack. */
const arnPrefix = (out: Out, type: string, kind: string, clusterName: string) =>
  `arn:${dataRef('aws_partition', out, 'partition')}:kafka:eu-west-1:${dataRef('aws_caller_identity', out, 'account_id')}:${kind}/${clusterName}/${ref(type, out, 'cluster_uuid')}`;
const policyOf = (out: Out, name: string) =>
  JSON.parse((Object.values(out.resources('aws_iam_role_policy')) as any[]).find((p) => p.name === name).policy);

describe('MskStreamingIngest (provisioned)', () => {
  test('a private, encrypted, IAM-only cluster with durable defaults', () => {
    const stack = mskStack();
    const ingest = new MskStreamingIngest(stack, 'ClickEvents');
    new TerraformOutput(stack, 'bootstrap', { value: ingest.bootstrapServers });
    new TerraformOutput(stack, 'arn', { value: ingest.streamArn });
    const out = synth(stack);
    const cluster = out.only('aws_msk_cluster');
    expect(ingest.engine).toBe(StreamingEngine.MSK);
    expect(ingest.streamName).toBe('acme-click-events');
    expect(ingest.clusterName).toBe('acme-click-events');
    expect(ingest.clusterType).toBe(MskClusterType.PROVISIONED);
    expect(ingest.partitions).toBe(MIN_KAFKA_PARTITIONS);
    expect(ingest.retentionHours).toBe(DEFAULT_RETENTION_HOURS);
    expect(cluster.cluster_name).toBe('acme-click-events');
    expect(cluster.kafka_version).toBe(DEFAULT_MSK_KAFKA_VERSION);
    expect(cluster.number_of_broker_nodes).toBe(DEFAULT_MSK_BROKERS);
    expect(cluster.broker_node_group_info.instance_type).toBe(DEFAULT_MSK_INSTANCE_TYPE);
    expect(cluster.broker_node_group_info.storage_info.ebs_storage_info.volume_size).toBe(DEFAULT_MSK_VOLUME_GIB);
    expect(cluster.broker_node_group_info.connectivity_info.public_access.type).toBe('DISABLED');
    expect(cluster.broker_node_group_info.client_subnets).toHaveLength(3);
    expect(cluster.broker_node_group_info.security_groups).toEqual([ref('aws_security_group', out, 'id')]);
    expect(cluster.encryption_info.encryption_at_rest_kms_key_arn).toBe(ref('aws_kms_key', out, 'arn'));
    expect(cluster.encryption_info.encryption_in_transit).toEqual({ client_broker: 'TLS', in_cluster: true });
    expect(cluster.client_authentication).toEqual({ unauthenticated: false, sasl: { iam: true, scram: false } });
    expect(cluster.client_authentication.tls).toBeUndefined();
    expect(cluster.enhanced_monitoring).toBe(MSK_ENHANCED_MONITORING);
    expect(cluster.configuration_info).toEqual({
      arn: ref('aws_msk_configuration', out, 'arn'),
      revision: ref('aws_msk_configuration', out, 'latest_revision'),
    });
    expect(cluster.lifecycle.prevent_destroy).toBe(true);
    expect(out.json.output).toEqual({
      bootstrap: { value: ref('aws_msk_cluster', out, 'bootstrap_brokers_sasl_iam') }, arn: { value: ref('aws_msk_cluster', out, 'arn') },
    });
  });

  test('broker configuration: RF 3, min ISR 2, no unclean election, no auto-created topics', () => {
    const stack = mskStack();
    new MskStreamingIngest(stack, 'ClickEvents', {
      retentionHours: 48,
      capacity: StreamCapacity.fromLoad({ recordsPerSecond: 40_000, averageRecordSizeBytes: 100, headroomPercent: 0 }),
    });
    const config = synth(stack).only('aws_msk_configuration');
    expect(config.kafka_versions).toEqual([DEFAULT_MSK_KAFKA_VERSION]);
    expect(config.server_properties.split('\n')).toEqual([
      'auto.create.topics.enable=false',
      `default.replication.factor=${MSK_REPLICATION_FACTOR}`,
      `min.insync.replicas=${MSK_MIN_INSYNC_REPLICAS}`,
      'unclean.leader.election.enable=false',
      'num.partitions=8',
      'log.retention.hours=48',
    ]);
  });

  test('broker logs to a KMS-encrypted log group with retention; only the IAM listener open, only inside the VPC', () => {
    const stack = mskStack();
    new MskStreamingIngest(stack, 'ClickEvents');
    const out = synth(stack);
    const groups = Object.entries(out.resources('aws_cloudwatch_log_group')) as [string, any][];
    const [groupName, group] = groups.find(([, g]) => g.name === 'acme-click-events-msk-broker-logs')!;
    expect(group.kms_key_id).toBe(ref('aws_kms_key', out, 'arn'));
    expect(group.retention_in_days).toBe(MSK_BROKER_LOG_RETENTION_DAYS);
    expect(out.only('aws_msk_cluster').logging_info.broker_logs.cloudwatch_logs).toEqual({ enabled: true, log_group: `\${aws_cloudwatch_log_group.${groupName}.name}` });
    const securityGroup = out.only('aws_security_group');
    expect(securityGroup.ingress).toBeUndefined();
    expect(securityGroup.egress).toBeUndefined();
    expect(out.resources('aws_vpc_security_group_egress_rule')).toEqual({});
    const rule = out.only('aws_vpc_security_group_ingress_rule');
    expect(rule).toMatchObject({ ip_protocol: 'tcp', from_port: MSK_IAM_PORT, to_port: MSK_IAM_PORT, cidr_ipv4: DEFAULT_VPC_CIDR });
    expect(rule.security_group_id).toBe(ref('aws_security_group', out, 'id'));
  });

  test('DESTROY with the platform opt-in drops prevent_destroy', () => {
    const stack = mskStack({ allowDataDestruction: true });
    new MskStreamingIngest(stack, 'ClickEvents', { removalPolicy: RemovalPolicy.DESTROY });
    expect(synth(stack).only('aws_msk_cluster').lifecycle).toBeUndefined();
  });
});

describe('MskStreamingIngest (serverless and existing clusters)', () => {
  test('serverless: IAM auth in the private subnets, behind the same security group', () => {
    const stack = mskStack();
    const ingest = new MskStreamingIngest(stack, 'Orders', { msk: { clusterType: MskClusterType.SERVERLESS } });
    new TerraformOutput(stack, 'bootstrap', { value: ingest.bootstrapServers });
    ingest.grantWrite(new Identity(stack, 'Producer', { name: 'producer' }));
    const out = synth(stack);
    expect(out.json.output.bootstrap.value).toBe(ref('aws_msk_serverless_cluster', out, 'bootstrap_brokers_sasl_iam'));
    expect(policyOf(out, 'msk-acme-orders-write').Statement[1].Resource).toEqual([`${arnPrefix(out, 'aws_msk_serverless_cluster', 'topic', 'acme-orders')}/acme-orders`]);
    expect(out.resources('aws_msk_cluster')).toEqual({});
    expect(out.resources('aws_msk_configuration')).toEqual({});
    const cluster = out.only('aws_msk_serverless_cluster');
    expect(cluster.client_authentication).toEqual({ sasl: { iam: { enabled: true } } });
    expect(cluster.vpc_config[0].subnet_ids).toHaveLength(3);
    expect(cluster.vpc_config[0].security_group_ids).toEqual([ref('aws_security_group', out, 'id')]);
    expect(cluster.lifecycle.prevent_destroy).toBe(true);
    expect(out.only('aws_vpc_security_group_ingress_rule').from_port).toBe(MSK_IAM_PORT);
  });

  test('an existing cluster needs no network and creates no cluster', () => {
    const stack = mskStack({ network: false });
    const arn = 'arn:aws:kafka:eu-west-1:111122223333:cluster/shared/abc-1';
    const ingest = new MskStreamingIngest(stack, 'Orders', { msk: { existingCluster: { clusterArn: arn, clusterName: 'shared', bootstrapServers: 'b-1:9098' } } });
    expect([ingest.streamArn, ingest.clusterArn, ingest.bootstrapServers, ingest.clusterType]).toEqual([arn, arn, 'b-1:9098', undefined]);
    const out = synth(stack);
    expect(out.resources('aws_msk_cluster')).toEqual({});
    expect(out.resources('aws_security_group')).toEqual({});
  });
});

describe('MskStreamingIngest grants', () => {
  test('write: connect (idempotent) on the cluster, write/describe/create on the topic', () => {
    const stack = mskStack();
    const ingest = new MskStreamingIngest(stack, 'ClickEvents');
    const producer = new Identity(stack, 'Producer', { name: 'producer' });
    [1, 2].forEach(() => ingest.grantWrite(producer));
    const out = synth(stack);
    const cluster = ref('aws_msk_cluster', out, 'arn');
    const topicArn = `${arnPrefix(out, 'aws_msk_cluster', 'topic', 'acme-click-events')}/acme-click-events`;
    expect(ingest.topicArn).toContain(':topic/acme-click-events/');
    expect(policyOf(out, 'msk-acme-click-events-write').Statement).toEqual([
      { Effect: 'Allow', Action: ['kafka-cluster:Connect', 'kafka-cluster:DescribeCluster', 'kafka-cluster:WriteDataIdempotently'], Resource: [cluster] },
      { Effect: 'Allow', Action: ['kafka-cluster:WriteData', 'kafka-cluster:DescribeTopic', 'kafka-cluster:CreateTopic'], Resource: [topicArn] },
    ]);
    expect(Object.values(out.resources('aws_iam_role_policy')).filter((p: any) => p.name === 'msk-acme-click-events-write')).toHaveLength(1);
  });

  test('read: topic read/describe and consumer groups named after the identity', () => {
    const stack = mskStack();
    const ingest = new MskStreamingIngest(stack, 'ClickEvents');
    ingest.grantRead(new Identity(stack, 'Consumer', { name: 'consumer' }));
    const out = synth(stack);
    const cluster = ref('aws_msk_cluster', out, 'arn');
    expect(policyOf(out, 'msk-acme-click-events-read').Statement).toEqual([
      { Effect: 'Allow', Action: ['kafka-cluster:Connect', 'kafka-cluster:DescribeCluster'], Resource: [cluster] },
      { Effect: 'Allow', Action: ['kafka-cluster:ReadData', 'kafka-cluster:DescribeTopic'], Resource: [`${arnPrefix(out, 'aws_msk_cluster', 'topic', 'acme-click-events')}/acme-click-events`] },
      { Effect: 'Allow', Action: ['kafka-cluster:DescribeGroup', 'kafka-cluster:AlterGroup'], Resource: [`${arnPrefix(out, 'aws_msk_cluster', 'group', 'acme-click-events')}/acme-consumer*`] },
    ]);
  });

  test('fromClusterAttributes imports a topic for grants only', () => {
    const stack = mskStack({ network: false });
    const arn = 'arn:aws:kafka:eu-west-1:111122223333:cluster/shared/abc-1';
    const ingest = MskStreamingIngest.fromClusterAttributes(stack, 'Imported', {
      clusterArn: arn, clusterName: 'shared', bootstrapServers: 'b-1:9098', topicName: 'events', partitions: 6,
    });
    expect(ingest.engine).toBe(StreamingEngine.MSK);
    expect(ingest.partitions).toBe(6);
    expect(ingest.retentionHours).toBe(DEFAULT_RETENTION_HOURS);
    ingest.grantWrite(new Identity(stack, 'Producer', { name: 'producer' }));
    const out = synth(stack);
    expect(policyOf(out, 'msk-events-write').Statement[0].Resource).toEqual([arn]);
    expect(policyOf(out, 'msk-events-write').Statement[1].Resource).toEqual(['arn:aws:kafka:eu-west-1:111122223333:topic/shared/abc-1/events']);
    expect(out.resources('aws_msk_cluster')).toEqual({});
  });

  test('a cluster ARN known only at deploy time: Terraform derives the topic ARN from it', () => {
    const stack = mskStack({ network: false });
    const arn = new TerraformVariable(stack, 'cluster_arn', { type: 'string' });
    const ingest = MskStreamingIngest.fromClusterAttributes(stack, 'Imported', {
      clusterArn: arn.stringValue, clusterName: 'shared', bootstrapServers: 'b-1:9098', topicName: 'events',
    });
    ingest.grantRead(new Identity(stack, 'Consumer', { name: 'consumer' }));
    const policy = (synth(stack).only('aws_iam_role_policy') as any).policy as string;
    expect(policy).toContain('"Resource":["${replace(var.cluster_arn, ":cluster/", ":topic/")}/events"]');
    expect(policy).toContain('"Resource":["${replace(var.cluster_arn, ":cluster/", ":group/")}/acme-consumer*"]');
  });
});

describe('MskStreamingIngest errors', () => {
  const destination: IStreamDestination = { destinationName: 'lake', bindFirehose: () => ({ destination: 'extended_s3' }), bindKafkaConnect: () => undefined };

  test.each([
    ['brokers < 3', { msk: { brokers: 2 } },
      'test/Ingest: invalid msk.brokers: received 2; must be an integer of at least 3: replication factor 3 with min.insync.replicas 2 needs 3 brokers.'],
    ['brokers not a multiple of the subnets', { msk: { brokers: 4 } },
      'test/Ingest: invalid msk.brokers: received 4; must be a multiple of the 3 broker subnets (MSK spreads brokers evenly across availability zones).'],
    ['bad instance type', { msk: { instanceType: 'm5.large' } },
      'test/Ingest: invalid msk.instanceType: received "m5.large"; use an MSK broker instance type starting with "kafka.", such as "kafka.m7g.large".'],
    ['volume too small', { msk: { volumeSizeGib: 0 } },
      `test/Ingest: invalid msk.volumeSizeGib: received 0; must be an integer from 1 to ${MAX_MSK_VOLUME_GIB}.`],
    ['volume too large', { msk: { volumeSizeGib: MAX_MSK_VOLUME_GIB + 1 } },
      `test/Ingest: invalid msk.volumeSizeGib: received ${MAX_MSK_VOLUME_GIB + 1}; must be an integer from 1 to ${MAX_MSK_VOLUME_GIB}.`],
    ['retention too short', { retentionHours: MIN_RETENTION_HOURS - 1 },
      `test/Ingest: invalid retentionHours: received ${MIN_RETENTION_HOURS - 1}; must be an integer from ${MIN_RETENTION_HOURS} to ${MAX_RETENTION_HOURS}.`],
    ['retention too long', { retentionHours: MAX_RETENTION_HOURS + 1 },
      `test/Ingest: invalid retentionHours: received ${MAX_RETENTION_HOURS + 1}; must be an integer from ${MIN_RETENTION_HOURS} to ${MAX_RETENTION_HOURS}.`],
    ['destinations', { destinations: [destination] },
      'test/Ingest: destinations are not supported on MSK (received 1): Firehose delivery from MSK is out of scope. Remove destinations and consume the topic, or use a Kinesis StreamingIngest for Firehose delivery.'],
    ['provisioned options on serverless', { msk: { clusterType: MskClusterType.SERVERLESS, brokers: 6 } },
      'test/Ingest: msk.brokers applies to provisioned clusters only; remove it or use MskClusterType.PROVISIONED.'],
    ['cluster options with an existing cluster', { msk: { brokers: 6, existingCluster: { clusterArn: 'arn', clusterName: 'c', bootstrapServers: 'b' } } },
      'test/Ingest: msk.existingCluster and msk.brokers cannot be used together; set one of them.'],
  ])('%s', (_name, props, message) => {
    expect(() => new MskStreamingIngest(mskStack(), 'Ingest', props)).toThrow(message);
  });

  test('missing network: the message comes from the platform', () => {
    expect(() => new MskStreamingIngest(mskStack({ network: false }), 'Ingest')).toThrow(
      'test/Ingest: MSK runs in a private network, but the platform has none. Pass network to the AwsPlatform (new PrivateNetwork(...) or AwsNetwork.fromAttributes(...)).',
    );
  });

  test('brokers must be a multiple of the subnets of an imported two-subnet network', () => {
    const stack = newStack();
    new AwsPlatform(stack, 'Platform', {
      region: 'eu-west-1',
      namePrefix: 'acme',
      network: AwsNetwork.fromAttributes({ vpcId: 'vpc-1', privateSubnetIds: ['subnet-a', 'subnet-b'], vpcCidr: '10.0.0.0/16' }),
    });
    expect(() => new MskStreamingIngest(stack, 'Ingest')).toThrow(
      'test/Ingest: invalid msk.brokers: received 3; must be a multiple of the 2 broker subnets (MSK spreads brokers evenly across availability zones).',
    );
    new MskStreamingIngest(stack, 'Ok', { msk: { brokers: 4 } });
    expect(synth(stack).only('aws_msk_cluster').broker_node_group_info.client_subnets).toEqual(['subnet-a', 'subnet-b']);
  });
});
