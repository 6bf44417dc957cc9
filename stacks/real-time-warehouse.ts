import { TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import {
  AwsPlatform, FirehoseAccess, Identity, ObservabilityStack, PrivateNetwork, PublicSubnets, QuickSightAnalytics, RedshiftDeployment,
  RedshiftWarehouse,
  StreamCapacity, StreamingIngest,
} from '../src';

/**
 * Reference architecture 1, real-time warehouse: server events -> Kinesis -> Firehose -> Redshift
 * Serverless -> QuickSight. Firehose reaches Redshift only through a publicly accessible endpoint,
 * so the workgroup sits in public subnets of the private VPC and its security group admits the
 * warehouse port from the region's Firehose CIDR block only (TLS required); QuickSight reads it
 * privately over its VPC connection with a read-only user whose password never enters Terraform
 * state. An ObservabilityStack alarms on the stream, the delivery into Redshift and the workgroup's
 * capacity and queries, mailing the on-call address.
 */
export class RealTimeWarehouseStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsPlatform(this, 'Platform', { region: 'eu-west-1', namePrefix: 'rt-warehouse' });
    const network = new PrivateNetwork(this, 'Network', {});
    const firehoseSubnets = new PublicSubnets(this, 'FirehoseSubnets', {
      network,
      purpose: 'Redshift endpoint reachable by Amazon Data Firehose',
    });
    const warehouse = new RedshiftWarehouse(this, 'Warehouse', {
      deployment: RedshiftDeployment.serverless({ baseCapacityRpus: 8, maxCapacityRpus: 64 }),
      tables: [{
        name: 'server_events',
        columns: [
          { name: 'event_id', type: 'varchar(64)', nullable: false },
          { name: 'event_type', type: 'varchar(64)', nullable: false },
          { name: 'service', type: 'varchar(128)' },
          { name: 'status_code', type: 'integer' },
          { name: 'latency_ms', type: 'integer' },
          { name: 'occurred_at', type: 'timestamp', nullable: false },
        ],
      }],
      firehoseAccess: FirehoseAccess.publicEndpointForFirehoseCidrs({ subnetIds: firehoseSubnets.subnetIds }),
    });
    const events = new StreamingIngest(this, 'ServerEvents', {
      capacity: StreamCapacity.fromLoad({ recordsPerSecond: 2_000, averageRecordSizeBytes: 512 }),
      retentionHours: 48,
      destinations: [warehouse.destination({ table: 'server_events' })],
    });
    events.grantWrite(new Identity(this, 'AppServers', { name: 'app-servers', awsTrustedServices: ['ec2.amazonaws.com'] }));
    warehouse.grantRead(new Identity(this, 'Analyst', { name: 'analyst' }));
    // QuickSight users and groups are provisioned outside Terraform (see the README).
    const analysts = new TerraformVariable(this, 'quicksight_analysts_group_arn', {
      type: 'string',
      description: 'ARN of the QuickSight group that may use the warehouse data source',
    });
    new QuickSightAnalytics(this, 'Analytics', { warehouses: [warehouse], readers: [analysts.stringValue] });
    const oncall = new TerraformVariable(this, 'oncall_email', { type: 'string', description: 'Address the pipeline alarms are mailed to' });
    new ObservabilityStack(this, 'Observability', { aws: { notificationEmails: [oncall.stringValue] } });
  }
}
