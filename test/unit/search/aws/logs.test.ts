import { clusterStack } from './search-fixture';
import { DEFAULT_LOG_INDEX } from '../../../../src/search';
import { policyNamed, ref, synth } from '../../../support/synth';

describe('ingestLogs', () => {
  const { stack, search } = clusterStack();
  search.ingestLogs('App', { logGroupNames: ['/app/web', '/app/worker'] });
  const out = synth(stack);
  const delivery = out.only('aws_kinesis_firehose_delivery_stream');

  test('a direct-PUT delivery stream, encrypted with the cluster key, into the log index rotated daily', () => {
    expect(delivery.name).toBe('acme-search-logs-app');
    expect(delivery.kinesis_source_configuration).toBeUndefined();
    expect(delivery.server_side_encryption).toEqual({ enabled: true, key_type: 'CUSTOMER_MANAGED_CMK', key_arn: ref(out, 'aws_kms_key', 'SharedKey', 'arn') });
    expect(delivery.opensearch_configuration.index_name).toBe(DEFAULT_LOG_INDEX);
    expect(delivery.opensearch_configuration.index_rotation_period).toBe('OneDay');
    expect(delivery.opensearch_configuration.s3_backup_mode).toBe('FailedDocumentsOnly');
  });

  test('each CloudWatch Logs batch is decompressed into a document by the bundled transform function', () => {
    const fn = Object.values(out.resources('aws_lambda_function')).find((f: any) => f.function_name === 'acme-search-logs-app') as any;
    expect(fn.handler).toBe('logs-transform.handler');
    expect(fn.vpc_config).toBeUndefined();
    expect(delivery.opensearch_configuration.processing_configuration).toEqual({
      enabled: true,
      processors: [{
        type: 'Lambda',
        parameters: [
          { parameter_name: 'LambdaArn', parameter_value: ref(out, 'aws_lambda_function', 'LogsTransform-App_Function', 'arn') },
          { parameter_name: 'BufferSizeInMBs', parameter_value: '1' },
        ],
      }],
    });
    const statements = policyNamed(out, 'OpenSearchDeliveryPolicy').Statement;
    expect(statements[statements.length - 1]).toEqual({
      Effect: 'Allow',
      Action: ['lambda:InvokeFunction', 'lambda:GetFunctionConfiguration'],
      Resource: [ref(out, 'aws_lambda_function', 'LogsTransform-App_Function', 'arn')],
    });
  });

  test('a subscription filter per log group, through a CloudWatch Logs role that may only put records into this stream', () => {
    const filters = Object.values(out.resources('aws_cloudwatch_log_subscription_filter')) as any[];
    expect(filters.map((f) => f.log_group_name)).toEqual(['/app/web', '/app/worker']);
    const role = ref(out, 'aws_iam_role', 'LogsSubscriptionRole-App', 'arn');
    filters.forEach((f) => {
      expect(f.destination_arn).toBe(ref(out, 'aws_kinesis_firehose_delivery_stream', 'Logs-App', 'arn'));
      expect(f.role_arn).toBe(role);
      expect(f.filter_pattern).toBe('');
    });
    const trust = JSON.parse((Object.values(out.resources('aws_iam_role')).find((r: any) => r.name === 'acme-search-logs-app-cwl') as any).assume_role_policy);
    expect(trust.Statement[0].Principal).toEqual({ Service: 'logs.eu-west-1.amazonaws.com' });
    expect(trust.Statement[0].Condition.StringLike['aws:SourceArn']).toMatch(/^arn:.*:logs:eu-west-1:.*:\*$/);
    expect(policyNamed(out, 'firehose-write').Statement).toEqual([{
      Effect: 'Allow', Action: ['firehose:PutRecord', 'firehose:PutRecordBatch'], Resource: [ref(out, 'aws_kinesis_firehose_delivery_stream', 'Logs-App', 'arn')],
    }]);
  });

  test('the log delivery role is mapped to the writer role for the log index', () => {
    const input = JSON.parse(out.only('aws_lambda_invocation').input);
    expect(input.roles[0].indexPermissions[0].indexPatterns).toEqual([`${DEFAULT_LOG_INDEX}*`]);
    expect(input.roles[0].backendRoles).toEqual([delivery.opensearch_configuration.role_arn]);
  });
});

describe('bad log sources', () => {
  const { search } = clusterStack();
  test.each([
    ['no log group', {}, 'test/Search: invalid sources.logGroupNames: received []; give at least one CloudWatch log group name.'],
    ['Kubernetes namespaces', { logGroupNames: ['/a'], namespaces: ['apps'] },
      'test/Search: invalid sources.namespaces: received ["apps"]; namespaces select Kubernetes container logs; on AWS give logGroupNames.'],
    ['log group name', { logGroupNames: ['bad name'] },
      'test/Search: invalid sources.logGroupNames[0]: received "bad name"; CloudWatch log group names have 1 to 512 characters of letters, digits and "_-./#"; this one has 8.'],
    ['index', { logGroupNames: ['/a'], index: 'Logs' },
      'test/Search: invalid sources.index: received "Logs"; use 1 to 80 lowercase letters, digits, "-" and "_", starting with a letter or digit.'],
  ])('%s', (_what, sources, message) => {
    expect(() => search.ingestLogs('X', sources as any)).toThrow(message);
  });

  test('two ingestions with one id', () => {
    search.ingestLogs('Twice', { logGroupNames: ['/a'] });
    expect(() => search.ingestLogs('Twice', { logGroupNames: ['/b'] })).toThrow('test/Search: two log ingestions are named "Twice"; give each its own id.');
  });
});
