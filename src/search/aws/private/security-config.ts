import { LambdaInvocation } from '@cdktf/provider-aws/lib/lambda-invocation';
import { Construct } from 'constructs';
import { BundledFunction } from './bundled-function';
import { domainClientGroup } from './security-groups';
import { ITerraformDependable, Lazy } from '../../../core/cdktf';
import { attachRolePolicy } from '../../../identity/aws-grant';
import { IAwsNetwork } from '../../../platform/aws/network';
import { WRITER_SECURITY_ROLE } from '../opensearch-search-cluster-props';

/** Cluster permissions of the writer role: bulk requests and the cluster and node reads Firehose makes. @internal */
export const WRITER_CLUSTER_PERMISSIONS = ['cluster_monitor', 'cluster_composite_ops'];
/** Index permissions of the writer role on its index patterns: create (rotated) indexes, index documents, read their mappings and stats; no delete. @internal */
export const WRITER_INDEX_ACTIONS = ['create_index', 'index', 'indices:admin/mapping/put', 'indices_monitor'];
/** Memory of the security configuration function, MiB. @internal */
export const SECURITY_FUNCTION_MEMORY_MIB = 256;
/** Timeout of the security configuration function, seconds (bounded retries while the domain settles). @internal */
export const SECURITY_FUNCTION_TIMEOUT_SECONDS = 300;

/**
 * Network interface permissions of a Lambda function in a VPC. EC2 does not scope Describe actions
 * to resources, and Lambda creates the interfaces in subnets of its choosing, so these take `*`.
 * @internal
 */
export const LAMBDA_VPC_ACTIONS = [
  'ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeSubnets', 'ec2:DeleteNetworkInterface',
  'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses',
];

/**
 * Props of {@link SecurityConfig}.
 * @internal
 */
export interface SecurityConfigProps {
  readonly name: string;
  readonly network: IAwsNetwork;
  readonly domainGroupId: string;
  readonly keyArn: string;
  readonly logRetentionDays?: number;
}

/**
 * Fine-grained access control without a password: the IAM role of a small function is the
 * domain's master user, and Terraform invokes the function (`aws_lambda_invocation`) to create the
 * `pipeline_writer` security role (index permissions on the destinations' index patterns only)
 * and map the writers' IAM roles to it. The function runs in the platform's private subnets, in a
 * security group that may reach the domain on HTTPS only, and signs its requests as its role. It is
 * invoked again whenever the writers or their indexes change.
 * @internal
 */
export class SecurityConfig extends Construct {
  /** The master user's role ARN (the function's role). */
  public readonly masterRoleArn: string;
  private readonly fn: BundledFunction;
  private readonly writers = new Set<string>();
  private readonly patterns = new Set<string>();
  /** The invocation applying the security configuration. */
  public invocation?: LambdaInvocation;

  constructor(scope: Construct, id: string, props: SecurityConfigProps) {
    super(scope, id);
    const groupId = domainClientGroup(this, 'ClientGroup', `${props.name}-security-fn`, props.network.vpcId, props.domainGroupId,
      'the OpenSearch security configuration function');
    this.fn = new BundledFunction(this, 'Function', {
      name: `${props.name}-security`,
      description: `Maps pipeline IAM roles to OpenSearch security roles of the ${props.name} domain (its role is the master user)`,
      handler: 'security-config.handler',
      keyArn: props.keyArn,
      memoryMiB: SECURITY_FUNCTION_MEMORY_MIB,
      timeoutSeconds: SECURITY_FUNCTION_TIMEOUT_SECONDS,
      reservedConcurrency: 1,
      statements: [{ actions: LAMBDA_VPC_ACTIONS, resources: ['*'] }],
      vpcConfig: { subnetIds: props.network.privateSubnetIds, securityGroupIds: [groupId] },
      logRetentionDays: props.logRetentionDays,
    });
    this.masterRoleArn = this.fn.role.arn;
  }

  /**
   * Lets the function call the domain's security API (once the domain exists), and invokes it after
   * `ready` with the writers registered by the end of synthesis.
   */
  public configure(domainArn: string, endpoint: string, ready: ITerraformDependable[]): void {
    const api = attachRolePolicy(this, 'SecurityApi', this.fn.role.name, [
      { actions: ['es:ESHttpGet', 'es:ESHttpPut'], resources: [`${domainArn}/_plugins/_security/*`] },
    ], 'opensearch-security-api');
    this.invocation = new LambdaInvocation(this, 'Invocation', {
      functionName: this.fn.function.functionName,
      input: Lazy.stringValue({ produce: () => JSON.stringify(this.event(endpoint)) }),
      dependsOn: [...ready, this.fn.permissions, api],
    });
  }

  /** Maps `roleArn` to the writer role with write access to `indexPattern`. */
  public addWriter(roleArn: string, indexPattern: string): void {
    this.writers.add(roleArn);
    this.patterns.add(indexPattern);
  }

  /** What the function receives. */
  public event(endpoint: string): Record<string, unknown> {
    return {
      endpoint,
      roles: [{
        name: WRITER_SECURITY_ROLE,
        clusterPermissions: WRITER_CLUSTER_PERMISSIONS,
        indexPermissions: this.patterns.size > 0 ? [{ indexPatterns: [...this.patterns].sort(), allowedActions: WRITER_INDEX_ACTIONS }] : [],
        backendRoles: [...this.writers],
      }],
    };
  }
}
