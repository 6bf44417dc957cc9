import { createHash } from 'crypto';
import { IConstruct } from 'constructs';
import { invalidProp } from './errors';
import { isUnresolved } from './validate';

/**
 * A naming rule of one kind of resource: its maximum length and allowed characters.
 */
export interface NameRule {
  /** What is named, for messages (for example "Kinesis stream name"). */
  readonly kind: string;
  /** Minimum length. */
  readonly minLength: number;
  /** Maximum length. */
  readonly maxLength: number;
  /** Regular expression source the whole name must match. */
  readonly pattern: string;
  /** Human description of `pattern` for error messages. */
  readonly allowed: string;
}

const alnumDash = 'letters, digits and hyphens';

/**
 * AWS resource name limits enforced at synth time (from the service API references).
 */
export const AwsNameRules = {
  KINESIS_STREAM: { kind: 'Kinesis stream name', minLength: 1, maxLength: 128, pattern: '^[a-zA-Z0-9_.-]+$', allowed: 'letters, digits, "_", "." and "-"' },
  FIREHOSE_STREAM: { kind: 'Firehose delivery stream name', minLength: 1, maxLength: 64, pattern: '^[a-zA-Z0-9_.-]+$', allowed: 'letters, digits, "_", "." and "-"' },
  S3_BUCKET: { kind: 'S3 bucket name', minLength: 3, maxLength: 63, pattern: '^[a-z0-9][a-z0-9-]*[a-z0-9]$', allowed: 'lowercase letters, digits and hyphens, starting and ending with a letter or digit' },
  IAM_ROLE: { kind: 'IAM role name', minLength: 1, maxLength: 64, pattern: '^[\\w+=,.@-]+$', allowed: 'letters, digits and "+=,.@_-"' },
  LAMBDA_FUNCTION: { kind: 'Lambda function name', minLength: 1, maxLength: 64, pattern: '^[a-zA-Z0-9_-]+$', allowed: 'letters, digits, "_" and "-"' },
  SQS_QUEUE: { kind: 'SQS queue name', minLength: 1, maxLength: 80, pattern: '^[a-zA-Z0-9_-]+$', allowed: 'letters, digits, "_" and "-"' },
  LOG_GROUP: { kind: 'CloudWatch log group name', minLength: 1, maxLength: 512, pattern: '^[a-zA-Z0-9_./#-]+$', allowed: 'letters, digits and "_-./#"' },
  MSK_CLUSTER: { kind: 'MSK cluster name', minLength: 1, maxLength: 64, pattern: '^[a-zA-Z][a-zA-Z0-9-]*$', allowed: `${alnumDash}, starting with a letter` },
  KMS_ALIAS: { kind: 'KMS alias name', minLength: 7, maxLength: 256, pattern: '^alias/[a-zA-Z0-9/_-]+$', allowed: '"alias/" followed by letters, digits and "/_-"' },
  SNS_TOPIC: { kind: 'SNS topic name', minLength: 1, maxLength: 256, pattern: '^[a-zA-Z0-9_-]+$', allowed: 'letters, digits, "_" and "-"' },
  CLOUDWATCH_ALARM: { kind: 'CloudWatch alarm name', minLength: 1, maxLength: 255, pattern: '^[ -~]+$', allowed: 'printable ASCII characters' },
  CLOUDWATCH_DASHBOARD: { kind: 'CloudWatch dashboard name', minLength: 1, maxLength: 255, pattern: '^[a-zA-Z0-9_-]+$', allowed: 'letters, digits, "_" and "-"' },
  EVENT_RULE: { kind: 'EventBridge rule name', minLength: 1, maxLength: 64, pattern: '^[a-zA-Z0-9._-]+$', allowed: 'letters, digits, ".", "_" and "-"' },
  PROMETHEUS_WORKSPACE_ALIAS: { kind: 'Amazon Managed Prometheus workspace alias', minLength: 1, maxLength: 100, pattern: '^[a-zA-Z0-9_-]+$', allowed: 'letters, digits, "_" and "-"' },
  SECURITY_GROUP: { kind: 'security group name', minLength: 1, maxLength: 255, pattern: '^[a-zA-Z0-9 ._:/()#,@\\[\\]+=&;{}!$*-]+$', allowed: 'ASCII letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*' },
} as const;

/**
 * Kubernetes object name limits (RFC 1123 DNS labels; Strimzi derives longer names from cluster names).
 */
export const KubernetesNameRules = {
  DNS_LABEL: { kind: 'Kubernetes name', minLength: 1, maxLength: 63, pattern: '^[a-z0-9]([a-z0-9-]*[a-z0-9])?$', allowed: 'lowercase letters, digits and hyphens, starting and ending with a letter or digit' },
  KAFKA_CLUSTER: { kind: 'Kafka cluster name', minLength: 1, maxLength: 40, pattern: '^[a-z0-9]([a-z0-9-]*[a-z0-9])?$', allowed: 'lowercase letters, digits and hyphens (Strimzi appends up to 23 characters to it)' },
  KAFKA_TOPIC: { kind: 'Kafka topic name', minLength: 1, maxLength: 249, pattern: '^[a-zA-Z0-9._-]+$', allowed: 'letters, digits, ".", "_" and "-"' },
} as const;

/**
 * Validates a name against a rule; tokens are accepted unchecked. Returns the name.
 * @internal
 */
export function checkName(scope: IConstruct, prop: string, name: string, rule: NameRule, hint?: string): string {
  if (isUnresolved(name)) return name;
  if (name.length < rule.minLength || name.length > rule.maxLength || !new RegExp(rule.pattern).test(name)) {
    throw invalidProp(
      scope,
      prop,
      name,
      `${rule.kind}s have ${rule.minLength} to ${rule.maxLength} characters of ${rule.allowed}; this one has ${name.length}${hint ? `; ${hint}` : ''}`,
    );
  }
  return name;
}

/**
 * Joins name parts with "-", lowercased for rules that need it.
 * @internal
 */
export function joinName(parts: string[], lowercase: boolean): string {
  const joined = parts.filter((p) => p.length > 0).join('-');
  return lowercase ? joined.toLowerCase() : joined;
}

/**
 * Kebab-case form of a construct id ("ClickEvents" -> "click-events").
 * @internal
 */
export function kebab(id: string): string {
  return id
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^a-zA-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}

/** Longest Kubernetes object name that is a DNS label. */
const DNS_LABEL_MAX_LENGTH = 63;

/**
 * `name` when it has at most `max` characters; otherwise its start (trailing hyphens dropped) and
 * "-" plus 8 hex digits of its SHA-256, so long names that share a prefix stay distinct. Unresolved
 * tokens are returned unchanged (Terraform resolves them).
 * @internal
 */
export function boundedName(name: string, max: number): string {
  if (isUnresolved(name) || name.length <= max) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${name.slice(0, max - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}

/** A Kubernetes object name within a DNS label (63 characters), or `max`, by {@link boundedName}. @internal */
export function boundedObjectName(name: string, max: number = DNS_LABEL_MAX_LENGTH): string {
  return boundedName(name, max);
}
