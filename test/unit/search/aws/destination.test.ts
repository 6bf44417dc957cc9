import { Testing } from 'cdktf';
import { clusterStack } from './search-fixture';
import { Identity, SecureBucket, StreamingIngest } from '../../../../src';
import {
  DEFAULT_INDEX_ROTATION, DEFAULT_SEARCH_BUFFERING_INTERVAL_SECONDS, DEFAULT_SEARCH_BUFFERING_SIZE_MIB, DEFAULT_SEARCH_RETRY_DURATION_SECONDS,
  IndexRotation, SearchBackupMode, WRITER_SECURITY_ROLE,
} from '../../../../src/search';
import { KafkaConnectBindOptions } from '../../../../src/streaming/destination';
import { policyNamed, ref, synth } from '../../../support/synth';

describe('a destination with the defaults', () => {
  const { stack, search } = clusterStack();
  new StreamingIngest(stack, 'ClickEvents', { destinations: [search.destination({ index: 'click_events' })] });
  const out = synth(stack);
  const delivery = out.only('aws_kinesis_firehose_delivery_stream');
  const config = delivery.opensearch_configuration;

  test('the OpenSearch configuration: domain, index rotated daily, retries and buffering for freshness', () => {
    expect(delivery.destination).toBe('opensearch');
    expect(delivery.name).toBe('acme-click-events-click-events');
    expect(config.domain_arn).toBe(ref(out, 'aws_opensearch_domain', 'Search_Domain', 'arn'));
    expect(config.index_name).toBe('click_events');
    expect(config.index_rotation_period).toBe('OneDay');
    expect(DEFAULT_INDEX_ROTATION).toBe(IndexRotation.ONE_DAY);
    expect(config.retry_duration).toBe(DEFAULT_SEARCH_RETRY_DURATION_SECONDS);
    expect(config.buffering_interval).toBe(DEFAULT_SEARCH_BUFFERING_INTERVAL_SECONDS);
    expect(config.buffering_size).toBe(DEFAULT_SEARCH_BUFFERING_SIZE_MIB);
    expect(config.role_arn).toBe(ref(out, 'aws_iam_role', 'Delivery-click-events_Role', 'arn'));
    expect(config.processing_configuration).toBeUndefined();
  });

  test('failed documents only, backed up GZIP to a new KMS SecureBucket under the index prefix, errors logged', () => {
    expect(config.s3_backup_mode).toBe('FailedDocumentsOnly');
    const bucket = ref(out, 'aws_s3_bucket', 'SearchBackupBucket', 'arn');
    expect(config.s3_configuration).toEqual(expect.objectContaining({
      bucket_arn: bucket,
      prefix: 'click_events/',
      error_output_prefix: 'click_events/failed/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/',
      compression_format: 'GZIP',
      kms_key_arn: ref(out, 'aws_kms_key', 'SharedKey', 'arn'),
    }));
    expect(Object.values(out.resources('aws_s3_bucket')).map((b: any) => b.bucket)).toContain('acme-click-events-click-events');
    expect(config.cloudwatch_logging_options).toEqual({
      enabled: true,
      log_group_name: ref(out, 'aws_cloudwatch_log_group', 'Delivery-click-events_ErrorLogs', 'name'),
      log_stream_name: ref(out, 'aws_cloudwatch_log_stream', 'Delivery-click-events_DestinationErrors', 'name'),
    });
  });

  test('delivery inside the VPC, in a group that may only reach the domain on HTTPS, and that the domain admits', () => {
    const group = ref(out, 'aws_security_group', 'SearchDeliveryGroup', 'id');
    expect(config.vpc_config).toEqual({
      role_arn: config.role_arn,
      subnet_ids: [1, 2, 3].map((i) => ref(out, 'aws_subnet', `PrivateSubnet${i}`, 'id')),
      security_group_ids: [group],
    });
    const domainGroup = ref(out, 'aws_security_group', 'Search_SecurityGroup', 'id');
    expect(Object.values(out.resources('aws_vpc_security_group_egress_rule'))).toContainEqual(expect.objectContaining({
      security_group_id: group, referenced_security_group_id: domainGroup, ip_protocol: 'tcp', from_port: 443, to_port: 443,
    }));
    expect(Object.values(out.resources('aws_vpc_security_group_ingress_rule'))).toContainEqual(expect.objectContaining({
      security_group_id: domainGroup, referenced_security_group_id: group, ip_protocol: 'tcp', from_port: 443, to_port: 443,
    }));
  });

  test('the delivery role gets exactly the OpenSearch, network, backup and log permissions', () => {
    const domain = ref(out, 'aws_opensearch_domain', 'Search_Domain', 'arn');
    const bucket = ref(out, 'aws_s3_bucket', 'SearchBackupBucket', 'arn');
    const statements = policyNamed(out, 'OpenSearchDeliveryPolicy').Statement;
    expect(statements).toEqual([
      { Effect: 'Allow', Action: ['es:DescribeDomain', 'es:DescribeDomains', 'es:DescribeDomainConfig', 'es:ESHttpPost', 'es:ESHttpPut'], Resource: [domain, `${domain}/*`] },
      {
        Effect: 'Allow',
        Action: ['es:ESHttpGet'],
        Resource: [`${domain}/_all/_settings`, `${domain}/_cluster/stats`, `${domain}/click_events*/_mapping/*`, `${domain}/_nodes`, `${domain}/_nodes/stats`,
          `${domain}/_nodes/*/stats`, `${domain}/_stats`, `${domain}/click_events*/_stats`, `${domain}/`],
      },
      {
        Effect: 'Allow',
        Action: ['ec2:DescribeVpcs', 'ec2:DescribeVpcAttribute', 'ec2:DescribeSubnets', 'ec2:DescribeSecurityGroups', 'ec2:DescribeNetworkInterfaces',
          'ec2:CreateNetworkInterface', 'ec2:CreateNetworkInterfacePermission', 'ec2:DeleteNetworkInterface'],
        Resource: ['*'],
      },
      {
        Effect: 'Allow',
        Action: ['s3:AbortMultipartUpload', 's3:GetBucketLocation', 's3:GetObject', 's3:ListBucket', 's3:ListBucketMultipartUploads', 's3:PutObject'],
        Resource: [bucket, `${bucket}/*`],
      },
      { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: [ref(out, 'aws_kms_key', 'SharedKey', 'arn')] },
      { Effect: 'Allow', Action: ['logs:PutLogEvents'], Resource: [`${ref(out, 'aws_cloudwatch_log_group', 'Delivery-click-events_ErrorLogs', 'arn')}:log-stream:*`] },
    ]);
    expect(delivery.depends_on).toContain('aws_iam_role_policy.ClickEvents_Kinesis_Delivery-click-events_OpenSearchDeliveryPolicy_37D41181');
  });

  test('the delivery role is mapped to the writer security role, limited to the index pattern', () => {
    const input = JSON.parse(out.only('aws_lambda_invocation').input);
    expect(input.roles).toEqual([{
      name: WRITER_SECURITY_ROLE,
      clusterPermissions: ['cluster_monitor', 'cluster_composite_ops'],
      indexPermissions: [{ indexPatterns: ['click_events*'], allowedActions: ['create_index', 'index', 'indices:admin/mapping/put', 'indices_monitor'] }],
      backendRoles: [config.role_arn],
    }]);
  });
});

describe('options', () => {
  test('all documents into a given bucket, hourly rotation, retries and buffering as given, a named destination', () => {
    const { stack, search } = clusterStack();
    const archive = new SecureBucket(stack, 'Archive', { name: 'archive' });
    new StreamingIngest(stack, 'Clicks', {
      destinations: [search.firehoseDestination({
        index: 'clicks',
        destinationName: 'search',
        backupMode: SearchBackupMode.ALL_DOCUMENTS,
        backupBucket: archive,
        indexRotation: IndexRotation.ONE_HOUR,
        retryDurationSeconds: 0,
        bufferingIntervalSeconds: 0,
        bufferingSizeMiB: 100,
      })],
    });
    const out = synth(stack);
    const delivery = out.only('aws_kinesis_firehose_delivery_stream');
    expect(delivery.name).toBe('acme-clicks-search');
    const config = delivery.opensearch_configuration;
    expect(config).toEqual(expect.objectContaining({
      s3_backup_mode: 'AllDocuments', index_rotation_period: 'OneHour', retry_duration: 0, buffering_interval: 0, buffering_size: 100,
    }));
    expect(config.s3_configuration.bucket_arn).toBe(ref(out, 'aws_s3_bucket', 'Archive', 'arn'));
    expect(Object.keys(out.resources('aws_s3_bucket')).filter((k) => k.includes('SearchBackupBucket'))).toEqual([]);
  });

  test('two destinations map both roles and both index patterns', () => {
    const { stack, search } = clusterStack();
    new StreamingIngest(stack, 'A', { destinations: [search.destination({ index: 'a' })] });
    new StreamingIngest(stack, 'B', { destinations: [search.destination({ index: 'b' })] });
    const input = JSON.parse(synth(stack).only('aws_lambda_invocation').input);
    expect(input.roles[0].indexPermissions[0].indexPatterns).toEqual(['a*', 'b*']);
    expect(input.roles[0].backendRoles).toHaveLength(2);
  });

  test('a producer identity is unaffected: grantWrite gives Kinesis, not OpenSearch', () => {
    const { stack, search } = clusterStack();
    const stream = new StreamingIngest(stack, 'Clicks', { destinations: [search.destination({ index: 'clicks' })] });
    stream.grantWrite(new Identity(stack, 'App', { name: 'app' }));
    expect(JSON.stringify(synth(stack).json)).not.toContain('"es:*"');
  });
});

describe('bad destination options', () => {
  const { search } = clusterStack();
  const cases: [string, any, string][] = [
    ['uppercase index', { index: 'Clicks' }, 'test/Search: invalid index: received "Clicks"; use 1 to 80 lowercase letters, digits, "-" and "_", starting with a letter or digit.'],
    ['index starting with "_"', { index: '_clicks' }, 'test/Search: invalid index: received "_clicks"; use 1 to 80 lowercase letters, digits, "-" and "_", starting with a letter or digit.'],
    ['index with a wildcard', { index: 'clicks*' }, 'test/Search: invalid index: received "clicks*"; use 1 to 80 lowercase letters, digits, "-" and "_", starting with a letter or digit.'],
    ['backup mode', { index: 'clicks', backupMode: 'some' }, 'test/Search: invalid backupMode: received "some"; use one of failed-documents-only, all-documents.'],
    ['rotation', { index: 'clicks', indexRotation: 'Daily' }, 'test/Search: invalid indexRotation: received "Daily"; use one of NoRotation, OneHour, OneDay, OneWeek, OneMonth.'],
    ['retry duration', { index: 'clicks', retryDurationSeconds: 7201 }, 'test/Search: invalid retryDurationSeconds: received 7201; must be an integer from 0 to 7200.'],
    ['buffer interval', { index: 'clicks', bufferingIntervalSeconds: 901 }, 'test/Search: invalid bufferingIntervalSeconds: received 901; must be an integer from 0 to 900.'],
    ['buffer size', { index: 'clicks', bufferingSizeMiB: 101 }, 'test/Search: invalid bufferingSizeMiB: received 101; must be an integer from 1 to 100.'],
  ];
  test.each(cases)('%s', (_what, options, message) => {
    expect(() => search.firehoseDestination(options)).toThrow(message);
  });

  test('a Kafka topic on Kubernetes cannot deliver to it', () => {
    const destination = search.destination({ index: 'clicks' });
    expect(() => destination.bindKafkaConnect(search, {} as KafkaConnectBindOptions)).toThrow(
      'test/Search: the OpenSearch destination "clicks" is AWS-only (Amazon Data Firehose); a Kafka topic on Kubernetes cannot deliver to it.');
  });
});

test('Testing.synth keeps the delivery valid JSON', () => {
  const { stack, search } = clusterStack();
  new StreamingIngest(stack, 'Clicks', { destinations: [search.destination({ index: 'clicks' })] });
  expect(() => JSON.parse(Testing.synth(stack))).not.toThrow();
});
