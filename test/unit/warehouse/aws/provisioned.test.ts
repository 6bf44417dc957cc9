import { platformRefs, refUnder, resolved, under, warehouseStack } from './redshift-fixture';
import { RemovalPolicy } from '../../../../src';
import {
  AuditLogDestination, DEFAULT_ADMIN_USERNAME, DEFAULT_AUDIT_LOG_RETENTION_DAYS, DEFAULT_NODE_TYPE, DEFAULT_NUMBER_OF_NODES, DEFAULT_REDSHIFT_PORT,
  DEFAULT_SNAPSHOT_RETENTION_DAYS, REDSHIFT_AUDIT_LOG_TYPES, REDSHIFT_PARAMETER_GROUP_FAMILY, RedshiftDeployment, RedshiftNodeType,
} from '../../../../src/warehouse/aws';
import { DEFAULT_WAREHOUSE_DATABASE, WarehouseEngine } from '../../../../src/warehouse/warehouse-contract';
import { ref, synth } from '../../../support/synth';

describe('RedshiftWarehouse, provisioned with the defaults', () => {
  const { stack, warehouse } = warehouseStack({ deployment: RedshiftDeployment.provisioned() });
  const out = synth(stack);
  const cluster = out.only('aws_redshift_cluster');
  const key = ref(out, 'aws_kms_key', 'Platform_SharedKey', 'arn');
  const role = refUnder(out, 'aws_iam_role', 'Warehouse_Role', 'arn');

  test('identifier, node type and count from the defaults (ra3.large, 2 nodes, multi-node)', () => {
    expect(cluster.cluster_identifier).toBe('acme-warehouse');
    expect(cluster.node_type).toBe(DEFAULT_NODE_TYPE);
    expect(DEFAULT_NODE_TYPE).toBe('ra3.large');
    expect(cluster.number_of_nodes).toBe(DEFAULT_NUMBER_OF_NODES);
    expect(DEFAULT_NUMBER_OF_NODES).toBe(2);
    expect(cluster.cluster_type).toBe('multi-node');
  });

  test('database, administrator, port', () => {
    expect(cluster.database_name).toBe(DEFAULT_WAREHOUSE_DATABASE);
    expect(cluster.master_username).toBe(DEFAULT_ADMIN_USERNAME);
    expect(cluster.port).toBe(DEFAULT_REDSHIFT_PORT);
  });

  test('encrypted with the platform key; the master password managed by Redshift under the same key, never in state', () => {
    expect(cluster.encrypted).toBe(true);
    expect(cluster.kms_key_id).toBe(key);
    expect(cluster.manage_master_password).toBe(true);
    expect(cluster.master_password_secret_kms_key_id).toBe(key);
    expect(cluster.master_password).toBeUndefined();
    expect(cluster.master_password_wo).toBeUndefined();
  });

  test('publicly_accessible false stated explicitly (the provider defaults to true), enhanced VPC routing', () => {
    expect(cluster.publicly_accessible).toBe(false);
    expect(cluster.enhanced_vpc_routing).toBe(true);
  });

  test('parameter group: require_ssl and user-activity logging, redshift-2.0 family', () => {
    const group = out.only('aws_redshift_parameter_group');
    expect(cluster.cluster_parameter_group_name).toBe(ref(out, 'aws_redshift_parameter_group', 'ParameterGroup', 'name'));
    expect(group.name).toBe('acme-warehouse');
    expect(group.family).toBe(REDSHIFT_PARAMETER_GROUP_FAMILY);
    expect(group.parameter).toEqual([{ name: 'require_ssl', value: 'true' }, { name: 'enable_user_activity_logging', value: 'true' }]);
  });

  test('subnet group of the private subnets; the warehouse security group', () => {
    const subnets = out.only('aws_redshift_subnet_group');
    expect(cluster.cluster_subnet_group_name).toBe(ref(out, 'aws_redshift_subnet_group', 'SubnetGroup', 'name'));
    expect(subnets.subnet_ids).toEqual([1, 2, 3].map((i) => ref(out, 'aws_subnet', `Network_PrivateSubnet${i}`, 'id')));
    expect(cluster.vpc_security_group_ids).toEqual([refUnder(out, 'aws_security_group', 'Warehouse_Network_Group', 'id')]);
  });

  test('the warehouse role attached and default', () => {
    expect(cluster.iam_roles).toEqual([role]);
    expect(cluster.default_iam_role_arn).toBe(role);
  });

  test('automated snapshots kept the default 7 days; a final snapshot on deletion; protected from deletion', () => {
    expect(cluster.automated_snapshot_retention_period).toBe(DEFAULT_SNAPSHOT_RETENTION_DAYS);
    expect(DEFAULT_SNAPSHOT_RETENTION_DAYS).toBe(7);
    expect(cluster.skip_final_snapshot).toBe(false);
    expect(cluster.final_snapshot_identifier).toBe('acme-warehouse-final');
    expect(cluster.lifecycle).toEqual({ prevent_destroy: true });
  });

  test('audit logging to CloudWatch (aws_redshift_logging) into pre-created KMS-encrypted groups with retention', () => {
    const logging = out.only('aws_redshift_logging');
    expect(logging.cluster_identifier).toBe(ref(out, 'aws_redshift_cluster', 'Cluster', 'cluster_identifier'));
    expect(logging.log_destination_type).toBe('cloudwatch');
    expect(logging.log_exports).toEqual(REDSHIFT_AUDIT_LOG_TYPES);
    for (const type of REDSHIFT_AUDIT_LOG_TYPES) {
      const group = under(out, 'aws_cloudwatch_log_group', `Warehouse_Provisioned_AuditLog-${type}`);
      expect(group.name).toBe(`/aws/redshift/cluster/acme-warehouse/${type}`);
      expect(group.kms_key_id).toBe(key);
      expect(group.retention_in_days).toBe(DEFAULT_AUDIT_LOG_RETENTION_DAYS);
      expect(group.lifecycle).toEqual({ prevent_destroy: true });
    }
    expect(logging.depends_on).toHaveLength(3);
  });

  test('the contract attributes and the managed administrator secret', () => {
    expect(warehouse.engine).toBe(WarehouseEngine.REDSHIFT);
    expect(resolved(stack, warehouse.endpoint)).toBe(ref(out, 'aws_redshift_cluster', 'Cluster', 'dns_name'));
    expect(resolved(stack, warehouse.adminCredential.secretArn)).toBe(ref(out, 'aws_redshift_cluster', 'Cluster', 'master_password_secret_arn'));
    expect(resolved(stack, warehouse.adminCredential.kmsKeyArn)).toBe(key);
  });

  test('no serverless resources', () => {
    expect(out.resources('aws_redshiftserverless_namespace')).toEqual({});
    expect(out.resources('aws_redshiftserverless_workgroup')).toEqual({});
  });
});

describe('provisioned options', () => {
  test('a single-node ra3.xlplus', () => {
    const { stack } = warehouseStack({ deployment: RedshiftDeployment.provisioned({ nodeType: RedshiftNodeType.RA3_XLPLUS, numberOfNodes: 1 }) });
    const cluster = synth(stack).only('aws_redshift_cluster');
    expect(cluster.node_type).toBe('ra3.xlplus');
    expect(cluster.cluster_type).toBe('single-node');
    expect(cluster.number_of_nodes).toBe(1);
  });

  test.each([
    [RedshiftNodeType.RA3_4XLARGE, 32],
    [RedshiftNodeType.RA3_16XLARGE, 128],
  ])('%s up to %d nodes', (nodeType, nodes) => {
    const { stack } = warehouseStack({ deployment: RedshiftDeployment.provisioned({ nodeType, numberOfNodes: nodes }) });
    expect(synth(stack).only('aws_redshift_cluster').number_of_nodes).toBe(nodes);
  });

  test('snapshot retention up to 35 days', () => {
    const { stack } = warehouseStack({ deployment: RedshiftDeployment.provisioned(), snapshotRetentionDays: 35 });
    expect(synth(stack).only('aws_redshift_cluster').automated_snapshot_retention_period).toBe(35);
  });

  test('DESTROY with the platform opt-in skips the final snapshot and the protection', () => {
    const props = { deployment: RedshiftDeployment.provisioned(), removalPolicy: RemovalPolicy.DESTROY };
    const { stack } = warehouseStack(props, { allowDataDestruction: true });
    const cluster = synth(stack).only('aws_redshift_cluster');
    expect(cluster.skip_final_snapshot).toBe(true);
    expect(cluster.final_snapshot_identifier).toBeUndefined();
    expect(cluster.lifecycle).toBeUndefined();
  });

  test('DESTROY without the opt-in keeps the final snapshot and the protection', () => {
    const { stack } = warehouseStack({ deployment: RedshiftDeployment.provisioned(), removalPolicy: RemovalPolicy.DESTROY });
    const cluster = synth(stack).only('aws_redshift_cluster');
    expect(cluster.skip_final_snapshot).toBe(false);
    expect(cluster.final_snapshot_identifier).toBe('acme-warehouse-final');
    expect(cluster.lifecycle).toEqual({ prevent_destroy: true });
  });
});

describe('provisioned audit logs to S3', () => {
  const { stack } = warehouseStack({ deployment: RedshiftDeployment.provisioned(), auditLogs: AuditLogDestination.s3({ retentionDays: 400 }) });
  const out = synth(stack);
  const bucketId = Object.keys(out.resources('aws_s3_bucket')).find((id) => id.startsWith('Warehouse_Provisioned_AuditLogs_'))!;
  const bucket = out.resources('aws_s3_bucket')[bucketId];
  const bucketRef = (attr: string) => '$' + `{aws_s3_bucket.${bucketId}.${attr}}`;

  test('aws_redshift_logging to the dedicated bucket, after its policy', () => {
    const logging = out.only('aws_redshift_logging');
    expect(logging.log_destination_type).toBe('s3');
    expect(logging.bucket_name).toBe(bucketRef('bucket'));
    expect(logging.log_exports).toEqual(REDSHIFT_AUDIT_LOG_TYPES);
    expect(logging.depends_on).toEqual([`aws_s3_bucket_policy.${Object.keys(out.resources('aws_s3_bucket_policy')).find((id) => id.startsWith('Warehouse_Provisioned_AuditLogs_'))}`]);
    expect(out.resources('aws_cloudwatch_log_group')).not.toHaveProperty(['Warehouse_Provisioned_AuditLog-userlog']);
  });

  test('the bucket: SSE-S3 (Redshift audit logging does not write to SSE-KMS buckets), protected, access-logged, expiring', () => {
    expect(bucket.bucket).toBe('acme-warehouse-audit');
    expect(bucket.force_destroy).toBe(false);
    expect(bucket.lifecycle).toEqual({ prevent_destroy: true });
    const sse = Object.entries(out.resources('aws_s3_bucket_server_side_encryption_configuration')).find(([id]) => id.startsWith('Warehouse_Provisioned_AuditLogs_'))![1] as any;
    expect(sse.rule).toEqual([{ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } }]);
    const lifecycle = Object.entries(out.resources('aws_s3_bucket_lifecycle_configuration')).find(([id]) => id.startsWith('Warehouse_Provisioned_AuditLogs_'))![1] as any;
    expect(lifecycle.rule.map((r: any) => r.id)).toEqual(['abort-incomplete-multipart-uploads', 'expire-audit-logs']);
    expect(lifecycle.rule[1].expiration).toEqual([{ days: 400 }]);
    const access = Object.entries(out.resources('aws_s3_bucket_logging')).find(([id]) => id.startsWith('Warehouse_Provisioned_AuditLogs_'))![1] as any;
    expect(access.target_prefix).toBe('acme-warehouse-audit/');
    const block = Object.entries(out.resources('aws_s3_bucket_public_access_block')).find(([id]) => id.startsWith('Warehouse_Provisioned_AuditLogs_'))![1] as any;
    expect([block.block_public_acls, block.block_public_policy, block.ignore_public_acls, block.restrict_public_buckets])
      .toEqual([true, true, true, true]);
  });

  test('the bucket policy: TLS only, and Redshift may write only for this cluster', () => {
    const policy = Object.entries(out.resources('aws_s3_bucket_policy')).find(([id]) => id.startsWith('Warehouse_Provisioned_AuditLogs_'))![1] as any;
    const { account, partition } = platformRefs(out);
    const clusterArn = `arn:${partition}:redshift:eu-west-1:${account}:cluster:acme-warehouse`;
    expect(JSON.parse(policy.policy).Statement).toEqual([
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [bucketRef('arn'), `${bucketRef('arn')}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
      {
        Sid: 'RedshiftAuditLogAclCheck',
        Effect: 'Allow',
        Principal: { Service: 'redshift.amazonaws.com' },
        Action: 's3:GetBucketAcl',
        Resource: bucketRef('arn'),
        Condition: { StringEquals: { 'aws:SourceArn': clusterArn } },
      },
      {
        Sid: 'RedshiftAuditLogWrite',
        Effect: 'Allow',
        Principal: { Service: 'redshift.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `${bucketRef('arn')}/*`,
        Condition: { StringEquals: { 'aws:SourceArn': clusterArn } },
      },
    ]);
  });
});
