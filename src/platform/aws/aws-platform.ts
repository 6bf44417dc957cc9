import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct, IConstruct } from 'constructs';
import { invalidConfig, invalidProp } from '../../core/errors';
import { AwsNameRules, checkName, joinName, NameRule } from '../../core/naming';
import { PipelinePlatform, PipelinePlatformProps, PlatformKind, RemovalPolicy } from '../platform';
import { CustomerManagedKey, IEncryptionKey } from './encryption-key';
import { KeyStrategy, KeyStrategyKind } from './key-strategy';
import { LocalEndpointOptions, localEndpointProviderConfig } from './local-endpoint';
import { IAwsNetwork } from './network';

/** Props of {@link AwsPlatform}. */
export interface AwsPlatformProps extends PipelinePlatformProps {
  /** AWS region, for example `eu-west-1`. */
  readonly region: string;
  /**
   * How data stores get their customer-managed KMS keys.
   * @default KeyStrategy.sharedKey()
   */
  readonly keyStrategy?: KeyStrategy;
  /**
   * Local endpoint mode: every AWS service endpoint points at one emulator URL (for example moto),
   * with the provider settings an emulator needs (dummy keys, no credential or metadata checks,
   * path-style S3).
   * @default - real AWS endpoints
   */
  readonly localEndpoint?: LocalEndpointOptions;
  /**
   * The private network for resources that need a VPC (MSK, and later Redshift, OpenSearch, DMS).
   * Use `new PrivateNetwork(...)` or `AwsNetwork.fromAttributes(...)`.
   * @default - none: constructs that need a VPC fail with a clear error
   */
  readonly network?: IAwsNetwork;
}

/** How to fix a generated name that breaks an AWS limit. */
const PHYSICAL_NAME_HINT = 'it is namePrefix + the construct\'s name: shorten either';

const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

/**
 * The AWS platform of a stack: the AWS provider (with default tags), names within AWS limits,
 * customer-managed KMS keys and the removal policy of stateful resources.
 */
export class AwsPlatform extends PipelinePlatform {
  /** The AWS platform of the stack containing `scope`; a clear error when the stack is not AWS. */
  public static ofAws(scope: IConstruct): AwsPlatform {
    const platform = PipelinePlatform.of(scope);
    if (!(platform instanceof AwsPlatform)) {
      throw invalidConfig(scope, `this construct deploys to AWS but the stack's platform (${platform.node.path}) is ${platform.kind}.`);
    }
    return platform;
  }

  public readonly kind = PlatformKind.AWS;
  /** The AWS provider of the stack. */
  public readonly provider: AwsProvider;
  /** Region of the stack. */
  public readonly region: string;
  /** Account id (a token resolved by the provider). */
  public readonly accountId: string;
  /** Partition (a token: `aws`, `aws-cn`, ...). */
  public readonly partition: string;
  /** Emulator URL in local-endpoint mode. */
  public readonly localEndpointUrl?: string;
  private readonly keyStrategy: KeyStrategy;
  private networkValue?: IAwsNetwork;
  private sharedKey?: CustomerManagedKey;

  constructor(scope: Construct, id: string, props: AwsPlatformProps) {
    super(scope, id, props);
    if (!REGION.test(props.region ?? '')) {
      throw invalidProp(this, 'region', props.region, 'use an AWS region code such as "eu-west-1"');
    }
    if (props.localEndpoint && !/^https?:\/\/[^\s/]+(:\d+)?\/?$/.test(props.localEndpoint.url)) {
      throw invalidProp(this, 'localEndpoint.url', props.localEndpoint.url, 'use an http(s) URL such as "http://127.0.0.1:5000"');
    }
    this.region = props.region;
    this.keyStrategy = props.keyStrategy ?? KeyStrategy.sharedKey();
    this.networkValue = props.network;
    this.localEndpointUrl = props.localEndpoint?.url;
    this.provider = new AwsProvider(this, 'Provider', {
      region: props.region,
      defaultTags: [{ tags: this.tags }],
      ...(props.localEndpoint ? localEndpointProviderConfig(props.localEndpoint.url) : {}),
    });
    this.accountId = new DataAwsCallerIdentity(this, 'Account').accountId;
    this.partition = new DataAwsPartition(this, 'Partition').partition;
  }

  /**
   * Sets the private network after construction (for a network created inside this stack, which
   * needs the platform to exist first). Only once.
   */
  public useNetwork(network: IAwsNetwork): void {
    if (this.networkValue) throw invalidConfig(this, 'the platform already has a network; set it once (props.network or useNetwork).');
    this.networkValue = network;
  }

  /**
   * The private network; a clear error naming `scope` and `what` needs it when there is none.
   * @param scope the construct that needs a VPC
   * @param what what needs it, for the message (for example "MSK")
   */
  public requireNetwork(scope: IConstruct, what: string): IAwsNetwork {
    if (!this.networkValue) {
      throw invalidConfig(scope, `${what} runs in a private network, but the platform has none. Pass network to the AwsPlatform (new PrivateNetwork(...) or AwsNetwork.fromAttributes(...)).`);
    }
    return this.networkValue;
  }

  /**
   * A physical name `<namePrefix>-<parts...>` checked against an AWS naming rule.
   * @param scope construct the name is for (named in errors)
   * @param rule the naming rule, from `AwsNameRules`
   * @param parts suffix parts
   */
  public physicalName(scope: IConstruct, rule: NameRule, parts: string[]): string {
    const lowercase = rule === AwsNameRules.S3_BUCKET;
    return checkName(scope, 'generated name', joinName([this.namePrefix, ...parts], lowercase), rule, PHYSICAL_NAME_HINT);
  }

  /**
   * The customer-managed key a data store encrypts with, following the platform's key strategy.
   * @param scope the data store construct (a per-store key is created under it)
   * @param purpose short name of the store, used in the alias
   */
  public encryptionKey(scope: Construct, purpose: string, removalPolicy?: RemovalPolicy): IEncryptionKey {
    switch (this.keyStrategy.kind) {
      case KeyStrategyKind.EXISTING:
        return { keyArn: this.keyStrategy.keyArn! };
      case KeyStrategyKind.PER_STORE:
        return this.newKey(scope, 'Key', purpose, removalPolicy);
      case KeyStrategyKind.SHARED:
      default:
        // The shared key is retained as soon as one store that uses it retains its data.
        this.sharedKey ??= this.newKey(this, 'SharedKey', 'data', RemovalPolicy.DESTROY);
        if (this.effectiveRemovalPolicy(scope, removalPolicy) === RemovalPolicy.RETAIN) this.sharedKey.retain();
        return this.sharedKey;
    }
  }

  private newKey(scope: Construct, id: string, purpose: string, removalPolicy?: RemovalPolicy): CustomerManagedKey {
    const alias = checkName(scope, 'name', `alias/${joinName([this.namePrefix, purpose], false)}`, AwsNameRules.KMS_ALIAS);
    const policy = scope === this ? RemovalPolicy.DESTROY : this.effectiveRemovalPolicy(scope, removalPolicy);
    return new CustomerManagedKey(scope, id, {
      aliasName: alias,
      description: `${this.namePrefix}: ${purpose} (cdktf-data-pipelines)`,
      accountId: this.accountId,
      partition: this.partition,
      region: this.region,
      removalPolicy: policy,
    });
  }
}
