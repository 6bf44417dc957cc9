import { Construct } from 'constructs';
import { Fn, Token } from '../../../core/cdktf';
import { grantAws, PolicyStatement } from '../../../identity/aws-grant';
import { IIdentity } from '../../../identity/identity';

/** What a grant on an MSK topic needs to know. @internal */
export interface MskGrantTarget {
  /** Cluster ARN (`arn:<partition>:kafka:<region>:<account>:cluster/<name>/<uuid>`). */
  readonly clusterArn: string;
  /** Topic name. */
  readonly topicName: string;
  /** `arn:<partition>:kafka:<region>:<account>:topic/<clusterName>/<clusterUuid>`. */
  readonly topicArnPrefix: string;
  /** `arn:<partition>:kafka:<region>:<account>:group/<clusterName>/<clusterUuid>`. */
  readonly groupArnPrefix: string;
}

/** The parts of a cluster created in this stack (attribute references, no functions). @internal */
export interface MskClusterArnParts {
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
  readonly clusterName: string;
  readonly clusterUuid: string;
}

/**
 * The grant target of a topic. Cluster created here: ARNs from its attributes. Cluster given by
 * ARN: the same partition, region, account, name and uuid as the cluster ARN (so clusters of other
 * accounts work), computed now for a literal ARN and by Terraform for a token.
 * @internal
 */
export function mskGrantTarget(clusterArn: string, topicName: string, parts?: MskClusterArnParts): MskGrantTarget {
  const prefix = (kind: string) => {
    if (parts) return `arn:${parts.partition}:kafka:${parts.region}:${parts.accountId}:${kind}/${parts.clusterName}/${parts.clusterUuid}`;
    return Token.isUnresolved(clusterArn) ? Fn.replace(clusterArn, ':cluster/', `:${kind}/`) : clusterArn.replace(':cluster/', `:${kind}/`);
  };
  return { clusterArn, topicName, topicArnPrefix: prefix('topic'), groupArnPrefix: prefix('group') };
}

/**
 * IAM statements for a producer: connect, write idempotently (the default of Kafka 3 producers),
 * and write, describe and create the topic (`auto.create.topics.enable` is false, so the topic is
 * created explicitly with the Admin API).
 * @internal
 */
export function mskWriteStatements(target: MskGrantTarget): PolicyStatement[] {
  return [
    { actions: ['kafka-cluster:Connect', 'kafka-cluster:DescribeCluster', 'kafka-cluster:WriteDataIdempotently'], resources: [target.clusterArn] },
    {
      actions: ['kafka-cluster:WriteData', 'kafka-cluster:DescribeTopic', 'kafka-cluster:CreateTopic'],
      resources: [`${target.topicArnPrefix}/${target.topicName}`],
    },
  ];
}

/**
 * IAM statements for a consumer: connect, read and describe the topic, and use consumer groups whose
 * id starts with the identity's name.
 * @internal
 */
export function mskReadStatements(target: MskGrantTarget, identity: IIdentity): PolicyStatement[] {
  return [
    { actions: ['kafka-cluster:Connect', 'kafka-cluster:DescribeCluster'], resources: [target.clusterArn] },
    { actions: ['kafka-cluster:ReadData', 'kafka-cluster:DescribeTopic'], resources: [`${target.topicArnPrefix}/${target.topicName}`] },
    {
      actions: ['kafka-cluster:DescribeGroup', 'kafka-cluster:AlterGroup'],
      resources: [`${target.groupArnPrefix}/${identity.identityName}*`],
    },
  ];
}

/**
 * Attaches the statements to the identity's role as the inline policy `msk-<topic>-<kind>` (topic
 * names carry the platform's namePrefix, so grants of several streams to one role do not overwrite
 * each other). Granting twice is a no-op.
 * @internal
 */
export function grantMsk(scope: Construct, kind: 'read' | 'write', topicName: string, identity: IIdentity, statements: PolicyStatement[]): void {
  grantAws(scope, `msk-${topicName}-${kind}`, identity, statements);
}
