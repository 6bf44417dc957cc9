/** Kafka resource an ACL rule applies to. */
export enum KafkaAclResourceType {
  /** A topic. */
  TOPIC = 'topic',
  /** A consumer group. */
  GROUP = 'group',
  /** A transactional id. */
  TRANSACTIONAL_ID = 'transactionalId',
}

/** How an ACL rule's resource name matches. */
export enum KafkaAclPatternType {
  /** The exact name. */
  LITERAL = 'literal',
  /** Every name starting with it. */
  PREFIX = 'prefix',
}

/** Kafka operations an ACL rule allows (Strimzi v1 `operations`). */
export enum KafkaAclOperation {
  /** Read records / join a consumer group. */
  READ = 'Read',
  /** Write records. */
  WRITE = 'Write',
  /** Describe the resource (metadata, offsets). */
  DESCRIBE = 'Describe',
  /** Idempotent or transactional writes. */
  IDEMPOTENT_WRITE = 'IdempotentWrite',
}

/** One allow rule of a Kafka user. */
export interface KafkaAcl {
  /** Kind of resource. */
  readonly resourceType: KafkaAclResourceType;
  /** Name (or name prefix) of the resource. */
  readonly resourceName: string;
  /**
   * How `resourceName` matches.
   * @default KafkaAclPatternType.LITERAL
   */
  readonly patternType?: KafkaAclPatternType;
  /** Operations allowed. */
  readonly operations: KafkaAclOperation[];
}

const OPERATION_ORDER = Object.values(KafkaAclOperation) as string[];

/**
 * Merges ACL rules: one Strimzi rule per resource (type, name, pattern) with the union of its
 * operations, in a stable order.
 * @internal
 */
export function mergeAcls(acls: KafkaAcl[]): Record<string, any>[] {
  const byResource = new Map<string, { resource: Record<string, string>; operations: Set<string> }>();
  for (const acl of acls) {
    const resource = { type: acl.resourceType, name: acl.resourceName, patternType: acl.patternType ?? KafkaAclPatternType.LITERAL };
    const key = JSON.stringify(resource);
    const entry = byResource.get(key) ?? { resource, operations: new Set<string>() };
    acl.operations.forEach((o) => entry.operations.add(o));
    byResource.set(key, entry);
  }
  return [...byResource.values()].map(({ resource, operations }) => ({
    resource,
    operations: [...operations].sort((a, b) => OPERATION_ORDER.indexOf(a) - OPERATION_ORDER.indexOf(b)),
    host: '*',
  }));
}

/** ACL rules that let a user write records to a topic. @internal */
export function writeAcls(topicName: string): KafkaAcl[] {
  return [{
    resourceType: KafkaAclResourceType.TOPIC,
    resourceName: topicName,
    patternType: KafkaAclPatternType.LITERAL,
    operations: [KafkaAclOperation.WRITE, KafkaAclOperation.DESCRIBE],
  }];
}

/** ACL rules that let a user read a topic with consumer groups named after it (`<user>*`). @internal */
export function readAcls(topicName: string, userName: string): KafkaAcl[] {
  return [
    {
      resourceType: KafkaAclResourceType.TOPIC,
      resourceName: topicName,
      patternType: KafkaAclPatternType.LITERAL,
      operations: [KafkaAclOperation.READ, KafkaAclOperation.DESCRIBE],
    },
    {
      resourceType: KafkaAclResourceType.GROUP,
      resourceName: userName,
      patternType: KafkaAclPatternType.PREFIX,
      operations: [KafkaAclOperation.READ],
    },
  ];
}
