import { Construct, IConstruct } from 'constructs';
import { Annotations, TerraformResource, TerraformStack } from '../core/cdktf';
import { invalidConfig } from '../core/errors';

/** Where a stack deploys. */
export enum PlatformKind {
  /** AWS managed services. */
  AWS = 'aws',
  /** Self-hosted on Kubernetes, installed with Helm. */
  KUBERNETES = 'kubernetes',
}

/** What happens to a stateful resource when it is removed from the stack or the stack is destroyed. */
export enum RemovalPolicy {
  /** Keep the data: Terraform refuses to destroy the resource (`prevent_destroy`). */
  RETAIN = 'retain',
  /**
   * Destroy the resource and its data. Takes effect only when the platform also sets
   * `allowDataDestruction: true` (the second opt-in); otherwise it stays RETAIN with a warning.
   */
  DESTROY = 'destroy',
}

/** Default removal policy of every stateful resource. */
export const DEFAULT_REMOVAL_POLICY = RemovalPolicy.RETAIN;

/** Tag (AWS) / label (Kubernetes) key naming this library on every resource it creates. */
export const MANAGED_BY_TAG = 'managed-by';
/** Value of {@link MANAGED_BY_TAG}. */
export const MANAGED_BY_VALUE = 'cdktf-data-pipelines';
/** Tag / label key carrying the platform's `namePrefix`. */
export const PIPELINE_TAG = 'data-pipeline';

/** Props common to every platform. */
export interface PipelinePlatformProps {
  /**
   * Prefix of every physical name this platform's constructs create (lowercase letters, digits,
   * hyphens). Keep it short: AWS names such as IAM roles allow 64 characters in all.
   */
  readonly namePrefix: string;
  /**
   * Extra tags (AWS) or labels (Kubernetes) added to every resource.
   * @default - only `managed-by` and `data-pipeline`
   */
  readonly tags?: Record<string, string>;
  /**
   * The second opt-in for destroying data. A construct asking for `RemovalPolicy.DESTROY` only gets
   * it when this is true.
   * @default false
   */
  readonly allowDataDestruction?: boolean;
}

const WARNED = new WeakSet<IConstruct>();
const PLATFORM = Symbol.for('cdktf-data-pipelines.platform');
const NAME_PREFIX = /^[a-z][a-z0-9-]{0,22}[a-z0-9]$/;
/** Longest `namePrefix` accepted (leaves room for suffixes within AWS's 64-character names). */
export const MAX_NAME_PREFIX_LENGTH = 24;

/**
 * The platform of one stack: how it says "AWS" or "Kubernetes", and what every construct gets from
 * it (provider wiring, names, tags/labels, encryption, network baseline, removal policy).
 *
 * Exactly one platform per stack. Constructs find it with `PipelinePlatform.of(this)`.
 */
export abstract class PipelinePlatform extends Construct {
  /** The platform of the stack that contains `scope`. Throws a clear error when there is none. */
  public static of(scope: IConstruct): PipelinePlatform {
    const stack = TerraformStack.of(scope);
    const platform = (stack as any)[PLATFORM] as PipelinePlatform | undefined;
    if (!platform) {
      throw invalidConfig(
        scope,
        `no platform in stack "${stack.node.id}". Add one before any pipeline construct: new AwsPlatform(stack, 'Platform', {...}) or new KubernetesPlatform(stack, 'Platform', {...}).`,
      );
    }
    return platform;
  }

  /** Which platform this is. */
  public abstract readonly kind: PlatformKind;
  /** Prefix of every physical name. */
  public readonly namePrefix: string;
  /** Tags (AWS) or labels (Kubernetes) on every resource, including the library's own. */
  public readonly tags: Record<string, string>;
  /** Whether `RemovalPolicy.DESTROY` may take effect. */
  public readonly allowDataDestruction: boolean;

  protected constructor(scope: Construct, id: string, props: PipelinePlatformProps) {
    super(scope, id);
    const stack = TerraformStack.of(this);
    if ((stack as any)[PLATFORM]) {
      throw invalidConfig(this, `stack "${stack.node.id}" already has a platform at ${(stack as any)[PLATFORM].node.path}; a stack has exactly one.`);
    }
    if (!NAME_PREFIX.test(props.namePrefix ?? '')) {
      throw invalidConfig(
        this,
        `invalid namePrefix: received ${JSON.stringify(props.namePrefix)}; use 2 to ${MAX_NAME_PREFIX_LENGTH} lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit.`,
      );
    }
    Object.defineProperty(stack, PLATFORM, { value: this, enumerable: false });
    this.namePrefix = props.namePrefix;
    this.allowDataDestruction = props.allowDataDestruction ?? false;
    this.tags = { ...(props.tags ?? {}), [MANAGED_BY_TAG]: MANAGED_BY_VALUE, [PIPELINE_TAG]: props.namePrefix };
  }

  /**
   * The removal policy that takes effect for `requested`: DESTROY needs `allowDataDestruction`.
   * A refused DESTROY stays RETAIN and leaves a warning on `scope`.
   */
  public effectiveRemovalPolicy(scope: IConstruct, requested?: RemovalPolicy): RemovalPolicy {
    const policy = requested ?? DEFAULT_REMOVAL_POLICY;
    if (policy === RemovalPolicy.DESTROY && !this.allowDataDestruction) {
      if (WARNED.has(scope)) return RemovalPolicy.RETAIN;
      WARNED.add(scope);
      Annotations.of(scope).addWarning(
        'removalPolicy DESTROY ignored: the platform does not set allowDataDestruction: true (the second opt-in), so the data is retained.',
      );
      return RemovalPolicy.RETAIN;
    }
    return policy;
  }

  /**
   * Applies a removal policy to a stateful resource: RETAIN sets Terraform's `prevent_destroy`.
   * Returns the effective policy.
   */
  public protect(resource: TerraformResource, requested?: RemovalPolicy): RemovalPolicy {
    const policy = this.effectiveRemovalPolicy(resource, requested);
    if (policy === RemovalPolicy.RETAIN) {
      resource.addOverride('lifecycle.prevent_destroy', true);
    }
    return policy;
  }
}
