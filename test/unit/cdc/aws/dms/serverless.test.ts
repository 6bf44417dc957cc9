import { dmsStack } from './dms-fixture';
import { CdcMode } from '../../../../../src/cdc';
import {
  DEFAULT_DMS_MAX_CAPACITY_UNITS, DEFAULT_DMS_MIN_CAPACITY_UNITS, DmsCapacity, DmsCapacityKind,
} from '../../../../../src/cdc/aws/dms';
import { warnings } from '../../../../support/annotations';
import { ref, synth } from '../../../../support/synth';

describe('DmsCdcSource on DMS Serverless', () => {
  const { stack, cdc } = dmsStack({ capacity: DmsCapacity.serverless(), mode: CdcMode.STREAM_ONLY }, { target: 'lake' });
  const out = synth(stack);
  const config = out.only('aws_dms_replication_config');

  test('a replication config instead of an instance and a task', () => {
    expect(out.resources('aws_dms_replication_instance')).toEqual({});
    expect(out.resources('aws_dms_replication_task')).toEqual({});
    expect(cdc.capacityKind).toBe(DmsCapacityKind.SERVERLESS);
  });

  test('config: identifier, a short stable resource identifier, changes only, both endpoints, mappings and settings, started on create', () => {
    expect(config.replication_config_identifier).toBe('acme-orders');
    expect(config.resource_identifier).toMatch(/^cdc-[0-9a-f]{16}$/);
    expect(config.resource_identifier.length).toBeLessThanOrEqual(31);
    expect(config.replication_type).toBe('cdc');
    expect(config.source_endpoint_arn).toBe(ref(out, 'aws_dms_endpoint', 'Orders_Source', 'endpoint_arn'));
    expect(config.target_endpoint_arn).toBe(ref(out, 'aws_dms_s3_endpoint', 'Orders_Target', 'endpoint_arn'));
    expect(config.table_mappings).toBe(cdc.tableMappingsJson);
    expect(config.replication_settings).toBe(cdc.taskSettingsJson);
    expect(config.start_replication).toBe(true);
    expect(cdc.replicationArn).toMatch(/^\$\{TfToken/);
  });

  test('compute: the private subnet group and security group, default DCU range, Multi-AZ, the platform key', () => {
    expect(DEFAULT_DMS_MIN_CAPACITY_UNITS).toBe(2);
    expect(DEFAULT_DMS_MAX_CAPACITY_UNITS).toBe(16);
    expect(config.compute_config).toEqual({
      replication_subnet_group_id: ref(out, 'aws_dms_replication_subnet_group', 'Orders_Network', 'replication_subnet_group_id'),
      vpc_security_group_ids: [ref(out, 'aws_security_group', 'Orders_Network', 'id')],
      min_capacity_units: 2,
      max_capacity_units: 16,
      multi_az: true,
      kms_key_id: ref(out, 'aws_kms_key', 'Platform_SharedKey', 'arn'),
    });
  });

  test('logs: the group DMS Serverless writes to (named after the resource identifier), created first with the key', () => {
    const groups = Object.values<any>(out.resources('aws_cloudwatch_log_group')).filter((g) => g.name.startsWith('dms-'));
    expect(groups.map((g) => g.name)).toEqual([`dms-serverless-replication-${config.resource_identifier}`]);
    expect(cdc.logGroupName).toBe(groups[0].name);
  });

  test('metrics: none (the serverless dimensions are not verified); a failure topic is ignored with a warning', () => {
    expect(cdc.metrics()).toEqual([]);
    const withTopic = dmsStack({ capacity: DmsCapacity.serverless(), failureTopicArn: 'arn:aws:sns:eu-west-1:123456789012:t' });
    expect(synth(withTopic.stack).resources('aws_dms_event_subscription')).toEqual({});
    expect(warnings(withTopic.stack).map((w) => `${w.path}: ${w.message}`)).toContain(
      'test/Orders: failureTopicArn ignored: DMS event subscriptions cover replication instances and tasks, not DMS Serverless replications; watch the replication\'s state instead.');
  });

  test('serverless options', () => {
    const custom = synth(dmsStack({ capacity: DmsCapacity.serverless({ minCapacityUnits: 1, maxCapacityUnits: 384, multiAz: false }) }).stack);
    expect(custom.only('aws_dms_replication_config').compute_config).toEqual(expect.objectContaining({ min_capacity_units: 1, max_capacity_units: 384, multi_az: false }));
  });
});
