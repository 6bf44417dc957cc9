import { DmsReplicationConfig } from '@cdktf/provider-aws/lib/dms-replication-config';
import { DmsReplicationInstance } from '@cdktf/provider-aws/lib/dms-replication-instance';
import { DmsReplicationTask } from '@cdktf/provider-aws/lib/dms-replication-task';
import { Construct } from 'constructs';
import { InstanceCapacity, ServerlessCapacity } from './capacity-validation';
import { DMS_IDENTIFIER, DMS_INSTANCE_ID } from './names';
import { ITerraformDependable } from '../../../../core/cdktf';
import { checkName } from '../../../../core/naming';

/** What both kinds of replication need. @internal */
export interface ReplicationInput {
  /** `<namePrefix>-<capture>`. */
  readonly name: string;
  readonly migrationType: string;
  readonly sourceEndpointArn: string;
  readonly targetEndpointArn: string;
  readonly tableMappings: string;
  readonly settings: string;
  readonly subnetGroupId: string;
  readonly securityGroupId: string;
  readonly kmsKeyArn: string;
  /** Account roles, the target's policies, the log group and the interface endpoints in this stack. */
  readonly dependsOn: ITerraformDependable[];
}

/**
 * A replication instance (not public, KMS, Multi-AZ unless told, minor versions upgraded
 * automatically, IPv4 in the private subnets) and its task, started on create.
 * @internal
 */
export function instanceReplication(
  scope: Construct, input: ReplicationInput, capacity: InstanceCapacity, instanceDependsOn: ITerraformDependable[],
): { instance: DmsReplicationInstance; task: DmsReplicationTask } {
  const instance = new DmsReplicationInstance(scope, 'Instance', {
    replicationInstanceId: checkName(scope, 'generated name', input.name, DMS_INSTANCE_ID),
    replicationInstanceClass: capacity.instanceClass,
    allocatedStorage: capacity.allocatedStorageGiB,
    multiAz: capacity.multiAz,
    publiclyAccessible: false,
    autoMinorVersionUpgrade: true,
    kmsKeyArn: input.kmsKeyArn,
    networkType: 'IPV4',
    replicationSubnetGroupId: input.subnetGroupId,
    vpcSecurityGroupIds: [input.securityGroupId],
    dependsOn: instanceDependsOn.length > 0 ? instanceDependsOn : undefined,
  });
  const task = new DmsReplicationTask(scope, 'Task', {
    replicationTaskId: checkName(scope, 'generated name', input.name, DMS_IDENTIFIER),
    migrationType: input.migrationType,
    replicationInstanceArn: instance.replicationInstanceArn,
    sourceEndpointArn: input.sourceEndpointArn,
    targetEndpointArn: input.targetEndpointArn,
    tableMappings: input.tableMappings,
    replicationTaskSettings: input.settings,
    startReplicationTask: true,
    dependsOn: input.dependsOn,
  });
  return { instance, task };
}

/**
 * A DMS Serverless replication config (capacity between two DCU values, KMS, Multi-AZ unless told,
 * in the private subnets), started on create.
 * @internal
 */
export function serverlessReplication(
  scope: Construct, input: ReplicationInput, capacity: ServerlessCapacity, resourceIdentifier: string,
): DmsReplicationConfig {
  return new DmsReplicationConfig(scope, 'ReplicationConfig', {
    replicationConfigIdentifier: checkName(scope, 'generated name', input.name, DMS_IDENTIFIER),
    resourceIdentifier,
    replicationType: input.migrationType,
    sourceEndpointArn: input.sourceEndpointArn,
    targetEndpointArn: input.targetEndpointArn,
    tableMappings: input.tableMappings,
    replicationSettings: input.settings,
    startReplication: true,
    computeConfig: {
      replicationSubnetGroupId: input.subnetGroupId,
      vpcSecurityGroupIds: [input.securityGroupId],
      minCapacityUnits: capacity.minCapacityUnits,
      maxCapacityUnits: capacity.maxCapacityUnits,
      multiAz: capacity.multiAz,
      kmsKeyId: input.kmsKeyArn,
    },
    dependsOn: input.dependsOn,
  });
}
