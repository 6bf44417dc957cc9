import { DmsEventSubscription } from '@cdktf/provider-aws/lib/dms-event-subscription';
import { Construct } from 'constructs';
import {
  CDC_LATENCY_EVALUATION_PERIODS, CDC_LATENCY_PERIOD_SECONDS, CdcMetric, DEFAULT_CDC_LATENCY_THRESHOLD_SECONDS, DMS_CDC_LATENCY_SOURCE,
  DMS_CDC_LATENCY_TARGET, DMS_METRIC_NAMESPACE,
} from './cdc-metric';
import { DmsAccountRoles } from './dms-account-roles';
import { DmsCapacity, DmsCapacityKind } from './dms-capacity';
import { DEFAULT_DMS_LOG_RETENTION_DAYS, DmsCdcSourceProps } from './dms-cdc-source-props';
import { DmsSourceTls } from './dms-source-tls';
import { accountRoleDependencies } from './private/account-roles';
import { checkCapacity } from './private/capacity-validation';
import { dmsInterfaceEndpoints, DmsNetwork } from './private/dms-network';
import { instanceLogGroupName, resourceIdentifier, serverlessLogGroupName } from './private/names';
import { instanceReplication, serverlessReplication } from './private/replication';
import { resolveTarget } from './private/resolve-target';
import { SourceEndpoint } from './private/source-endpoint';
import { tableMappings } from './private/table-mappings';
import { TargetEndpoint } from './private/target-endpoint';
import { taskSettings } from './private/task-settings';
import { Annotations, Fn } from '../../../core/cdktf';
import { invalidProp } from '../../../core/errors';
import { kebab } from '../../../core/naming';
import { ensureInterfaceEndpoints } from '../../../network/aws/ensure-interface-endpoints';
import { EncryptedLogGroup } from '../../../observability/aws/encrypted-log-group';
import { AwsPlatform } from '../../../platform/aws/aws-platform';
import { IEncryptionKey } from '../../../platform/aws/encryption-key';
import { SecretStoreBackend } from '../../../secrets/secret-store-contract';
import { CdcMode, DEFAULT_CDC_MODE, ICdcSource, SourceEngine } from '../../cdc-contract';

/** DMS migration type per capture mode. */
export const DMS_MIGRATION_TYPES: Record<string, string> = {
  [CdcMode.SNAPSHOT_THEN_STREAM]: 'full-load-and-cdc',
  [CdcMode.STREAM_ONLY]: 'cdc',
};

/** DMS event categories a failure subscription listens to (replication tasks). */
export const DMS_FAILURE_EVENT_CATEGORIES = ['failure'];

/**
 * Change data capture with AWS DMS: the selected tables of a MySQL, PostgreSQL or MongoDB
 * (DocumentDB) source, snapshot then changes (or changes only), into a Kinesis StreamingIngest or a
 * zone of an AwsDataLake.
 *
 * - Runs in the platform's private network: a replication subnet group over its private subnets and a
 *   security group with no ingress, egress only to the source port and HTTPS inside the VPC (plus S3
 *   through the gateway endpoint for a lake): a source outside the VPC is not reachable, and the
 *   source's own security group must allow `securityGroupId`. DMS reaches Secrets Manager, KMS,
 *   CloudWatch Logs and (for a stream target) Kinesis through VPC interface endpoints: a
 *   PrivateNetwork gets them (once per service, the task waits for them); for an imported network a
 *   warning names those its VPC must provide.
 * - A replication instance (KMS with the platform key, not public, Multi-AZ by default, minor
 *   version upgrades) and a task, or DMS Serverless (`DmsCapacity.serverless`).
 * - The source endpoint reads its credential from Secrets Manager through a role allowed that
 *   secret only, with TLS required. DMS reads `host` and `port` from the secret's JSON as well
 *   (it takes a secret or clear-text connection values, never both): the credential's secret must
 *   hold `host`, `port`, `username` and `password`.
 * - Table mappings are built from `include`/`exclude`; the task is started on create, with logging
 *   to a log group created beforehand with the platform key and a retention.
 * - `metrics()` lists the CDC latency metrics to alarm on; `failureTopicArn` adds an event
 *   subscription for task failures.
 */
export class DmsCdcSource extends Construct implements ICdcSource {
  public readonly engine: SourceEngine;
  /** `<namePrefix>-<captureName>`: the task (or replication config) identifier. */
  public readonly captureName: string;
  public readonly include: string[];
  public readonly exclude: string[];
  public readonly mode: CdcMode;
  /** The capacity kind. */
  public readonly capacityKind: DmsCapacityKind;
  /** The table mappings sent to DMS (JSON). */
  public readonly tableMappingsJson: string;
  /** The task settings sent to DMS (JSON). */
  public readonly taskSettingsJson: string;
  /** The key of the replication instance, endpoints and logs. */
  public readonly encryptionKey: IEncryptionKey;
  /** The security group DMS runs in (allow it on the source database's security group). */
  public readonly securityGroupId: string;
  /** Name of the log group the task logs go to. */
  public readonly logGroupName: string;
  /** ARN of the replication task (instance) or replication config (serverless). */
  public readonly replicationArn: string;
  /** The replication instance identifier (instance only). */
  public readonly replicationInstanceId?: string;
  private readonly metricDimensions?: Record<string, string>;

  constructor(scope: Construct, id: string, props: DmsCdcSourceProps) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    const { source } = props;
    if (!Object.values(SourceEngine).includes(source.engine)) {
      throw invalidProp(this, 'source.engine', source.engine, `use one of ${Object.values(SourceEngine).join(', ')}`);
    }
    this.engine = source.engine;
    this.mode = props.mode ?? DEFAULT_CDC_MODE;
    if (!DMS_MIGRATION_TYPES[this.mode]) throw invalidProp(this, 'mode', this.mode, `use one of ${Object.values(CdcMode).join(', ')}`);
    this.include = [...props.include];
    this.exclude = [...(props.exclude ?? [])];
    const credential = source.cdcCredential;
    if (credential?.backend !== SecretStoreBackend.SECRETS_MANAGER) {
      throw invalidProp(this, 'source.cdcCredential', credential?.backend,
        'DMS reads source credentials from AWS Secrets Manager only: use a credential of a SecretsManagerStore or SecretsManagerStore.credentialFromAttributes');
    }
    if (!credential.secretArn) {
      throw invalidProp(this, 'source.cdcCredential.secretArn', credential.secretArn, 'DMS needs the ARN of the Secrets Manager secret holding the CDC user\'s credential');
    }
    const mappings = tableMappings(this, this.engine, this.include, this.exclude);
    const capacity = checkCapacity(this, props.capacity ?? DmsCapacity.instance());
    const target = resolveTarget(this, props.target);
    const logRetentionDays = props.logRetentionDays ?? DEFAULT_DMS_LOG_RETENTION_DAYS;
    const capture = props.captureName ?? kebab(id);
    const name = `${platform.namePrefix}-${capture}`;
    this.captureName = name;
    this.capacityKind = capacity.kind;
    this.tableMappingsJson = JSON.stringify(mappings);
    this.taskSettingsJson = JSON.stringify(taskSettings(target.kind === 'kinesis'));

    const network = platform.requireNetwork(this, 'DMS');
    const endpoints = ensureInterfaceEndpoints(this, network, dmsInterfaceEndpoints(target.kind === 'kinesis'), 'DMS');
    const removalPolicy = platform.effectiveRemovalPolicy(this, props.removalPolicy);
    this.encryptionKey = platform.encryptionKey(this, 'dms', removalPolicy);
    const roles = accountRoleDependencies(this, props.accountRoles ?? DmsAccountRoles.create());
    const dms = new DmsNetwork(this, 'Network', {
      network, name, capture, sourcePort: source.port, s3Target: target.kind === 's3', dependsOn: roles,
    });
    this.securityGroupId = dms.securityGroup.id;
    const sourceEndpoint = new SourceEndpoint(this, 'Source', {
      source, name, capture, tls: props.sourceTls ?? DmsSourceTls.require(), kmsKeyArn: this.encryptionKey.keyArn,
    });
    const targetEndpoint = new TargetEndpoint(this, 'Target', { target, name, capture, kmsKeyArn: this.encryptionKey.keyArn });

    const serverlessId = resourceIdentifier(name);
    this.logGroupName = capacity.kind === DmsCapacityKind.INSTANCE ? instanceLogGroupName(name) : serverlessLogGroupName(serverlessId);
    const logGroup = new EncryptedLogGroup(this, 'TaskLogs', { name: this.logGroupName, kmsKeyArn: this.encryptionKey.keyArn, retentionDays: logRetentionDays });
    platform.protect(logGroup.logGroup, removalPolicy);

    const input = {
      name,
      migrationType: DMS_MIGRATION_TYPES[this.mode],
      sourceEndpointArn: sourceEndpoint.endpoint.endpointArn,
      targetEndpointArn: targetEndpoint.endpointArn,
      tableMappings: this.tableMappingsJson,
      settings: this.taskSettingsJson,
      subnetGroupId: dms.subnetGroup.replicationSubnetGroupId,
      securityGroupId: dms.securityGroup.id,
      kmsKeyArn: this.encryptionKey.keyArn,
      dependsOn: [...roles, sourceEndpoint.policy, ...targetEndpoint.policies, logGroup.logGroup, ...endpoints],
    };
    if (capacity.kind === DmsCapacityKind.INSTANCE) {
      const { instance, task } = instanceReplication(this, input, capacity, roles);
      this.replicationArn = task.replicationTaskArn;
      this.replicationInstanceId = instance.replicationInstanceId;
      this.metricDimensions = {
        ReplicationInstanceIdentifier: instance.replicationInstanceId,
        // CloudWatch identifies a task by the resource id at the end of its ARN, not its name.
        ReplicationTaskIdentifier: Fn.element(Fn.split(':', task.replicationTaskArn), 6),
      };
      if (props.failureTopicArn !== undefined) {
        new DmsEventSubscription(this, 'FailureEvents', {
          name: `${name}-failure`,
          snsTopicArn: props.failureTopicArn,
          sourceType: 'replication-task',
          sourceIds: [task.replicationTaskId],
          eventCategories: DMS_FAILURE_EVENT_CATEGORIES,
          enabled: true,
        });
      }
    } else {
      const config = serverlessReplication(this, input, capacity, serverlessId);
      this.replicationArn = config.arn;
      if (props.failureTopicArn !== undefined) {
        Annotations.of(this).addWarning(
          'failureTopicArn ignored: DMS event subscriptions cover replication instances and tasks, not DMS Serverless replications; watch the replication\'s state instead.');
      }
    }
  }

  /**
   * The CDC latency metrics to alarm on (source and target), tied to this task by its instance and
   * task identifiers. Empty for DMS Serverless: its metric dimensions are not documented in a form
   * this library could verify, and an alarm on a wrong dimension never fires.
   */
  public metrics(): CdcMetric[] {
    if (!this.metricDimensions) return [];
    const metric = (metricName: string, description: string): CdcMetric => ({
      namespace: DMS_METRIC_NAMESPACE,
      metricName,
      dimensions: { ...this.metricDimensions! },
      statistic: 'Maximum',
      periodSeconds: CDC_LATENCY_PERIOD_SECONDS,
      evaluationPeriods: CDC_LATENCY_EVALUATION_PERIODS,
      recommendedThreshold: DEFAULT_CDC_LATENCY_THRESHOLD_SECONDS,
      comparisonOperator: 'GreaterThanThreshold',
      description,
    });
    return [
      metric(DMS_CDC_LATENCY_SOURCE, `${this.captureName}: seconds DMS is behind the source database's log`),
      metric(DMS_CDC_LATENCY_TARGET, `${this.captureName}: seconds the oldest change not yet written to the target has waited`),
    ];
  }
}
