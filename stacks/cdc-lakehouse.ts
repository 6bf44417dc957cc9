import { TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import {
  AwsDataLake, AwsPlatform, CdcTarget, DmsCdcSource, Identity, LakeFileFormat, ObservabilityStack, PrivateNetwork, RdsSourceDatabase,
  RedshiftDeployment, RedshiftWarehouse, SourceEngine, StreamCapacity, StreamingIngest,
} from '../src';

/**
 * Reference architecture 3, CDC lakehouse on AWS. Today: the change stream (Kinesis, sized for the
 * OLTP change rate) delivered by Firehose into the lake's raw zone, partitioned by date, hour and
 * source table; a zoned lake (raw/curated/analytics) with Glue databases, crawlers and Iceberg
 * tables, Athena with per-query scan limits, Lake Formation permissions, CloudTrail S3 data events
 * and encryption everywhere; RBAC as identities with zone grants; a private Redshift Serverless
 * warehouse loaded hourly by COPY from the analytics zone (Parquet) and querying the curated zone in
 * place through a Spectrum schema, with audit logs, a CMK and a Redshift-managed admin password.
 * The OLTP source is an RDS PostgreSQL instance (logical replication, TLS required) captured by DMS
 * (snapshot, then every change of the `sales` schema) into the change stream. An ObservabilityStack
 * alarms on every one of them (stream, delivery, DMS latency and failures, crawler failures,
 * Redshift capacity and queries) into an encrypted SNS topic mailed to the on-call address. The
 * NoSQL store is still to come.
 */
export class CdcLakehouseStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsPlatform(this, 'Platform', { region: 'eu-west-1', namePrefix: 'cdc-lakehouse' });
    new PrivateNetwork(this, 'Network', {});
    const orderColumns = [
      { name: 'order_id', type: 'bigint' },
      { name: 'customer_id', type: 'bigint' },
      { name: 'status', type: 'string' },
      { name: 'amount', type: 'decimal(12,2)' },
      { name: 'updated_at', type: 'timestamp' },
    ];
    const lake = new AwsDataLake(this, 'Lake', {
      tables: [
        { zone: 'curated', name: 'orders', columns: orderColumns },
        { zone: 'analytics', name: 'daily_revenue', columns: [{ name: 'day', type: 'date' }, { name: 'revenue', type: 'decimal(14,2)' }] },
      ],
      lakeFormation: true,
      auditDataEvents: true,
    });
    const changes = new StreamingIngest(this, 'Changes', {
      capacity: StreamCapacity.fromLoad({ recordsPerSecond: 1_500, averageRecordSizeBytes: 1_200 }),
      destinations: [lake.destination({ zone: 'raw', partitionField: 'table' })],
    });
    const orders = new RdsSourceDatabase(this, 'OrdersDb', { engine: SourceEngine.POSTGRESQL, databaseName: 'shop' });
    const capture = new DmsCdcSource(this, 'OrdersCapture', {
      source: orders, include: ['sales.*'], exclude: ['sales.audit_*'], target: CdcTarget.stream(changes),
    });
    orders.allowConnectionsFrom('Dms', capture.securityGroupId);
    const etl = new Identity(this, 'Etl', { name: 'etl', awsTrustedServices: ['glue.amazonaws.com'] });
    lake.grantRead(etl, 'raw');
    lake.grantWrite(etl, 'curated');
    lake.grantWrite(etl, 'analytics');
    const analyst = new Identity(this, 'Analyst', { name: 'analyst' });
    lake.grantRead(analyst, 'analytics');

    const warehouse = new RedshiftWarehouse(this, 'Warehouse', {
      deployment: RedshiftDeployment.serverless({ baseCapacityRpus: 8, maxCapacityRpus: 128 }),
      tables: [{ name: 'daily_revenue', schema: 'analytics', columns: [{ name: 'day', type: 'date', nullable: false }, { name: 'revenue', type: 'decimal(14,2)' }] }],
    });
    warehouse.addLakeLoad('DailyRevenue', {
      lake, zone: 'analytics', prefix: 'daily_revenue/', table: 'daily_revenue', schema: 'analytics', format: LakeFileFormat.PARQUET,
    });
    warehouse.addSpectrumSchema(lake, 'curated');
    warehouse.grantRead(analyst);
    warehouse.grantWrite(etl);

    const oncall = new TerraformVariable(this, 'oncall_email', { type: 'string', description: 'Address the pipeline alarms are mailed to' });
    new ObservabilityStack(this, 'Observability', {
      aws: { notificationEmails: [oncall.stringValue] },
      // The hourly lake load tolerates a slower change stream than the default.
      alarmOverrides: [{ scope: changes, alarm: 'kinesis-iterator-age', threshold: 300_000 }],
    });
  }
}
