import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Construct } from 'constructs';
import { RemovalPolicy } from '../platform';
import { DEFAULT_KEY_DELETION_WINDOW_DAYS } from './key-strategy';

/** A KMS key that data stores encrypt with. */
export interface IEncryptionKey {
  /** ARN of the key. */
  readonly keyArn: string;
}

/** Props of {@link CustomerManagedKey}. */
export interface CustomerManagedKeyProps {
  /** Alias, including the `alias/` prefix. */
  readonly aliasName: string;
  /** What the key protects, as the key description. */
  readonly description: string;
  /** Account id (token) for the key policy. */
  readonly accountId: string;
  /** Partition (token) for ARNs in the key policy. */
  readonly partition: string;
  /** Region, for the CloudWatch Logs service principal. */
  readonly region: string;
  /** Effective removal policy (RETAIN sets `prevent_destroy`). */
  readonly removalPolicy: RemovalPolicy;
}

/**
 * A customer-managed KMS key with yearly rotation, the longest deletion window, and a key policy
 * that delegates to IAM (so grants are IAM policies scoped to the key) and lets CloudWatch Logs
 * encrypt this account's log groups in this region.
 */
export class CustomerManagedKey extends Construct implements IEncryptionKey {
  /** ARN of the key. */
  public readonly keyArn: string;
  /** The underlying key resource. */
  public readonly key: KmsKey;

  constructor(scope: Construct, id: string, props: CustomerManagedKeyProps) {
    super(scope, id);
    const root = `arn:${props.partition}:iam::${props.accountId}:root`;
    const policy = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AccountAdministersKeyThroughIam',
          Effect: 'Allow',
          Principal: { AWS: root },
          Action: 'kms:*',
          Resource: '*',
        },
        {
          Sid: 'CloudWatchLogsEncryptsThisAccountsLogGroups',
          Effect: 'Allow',
          Principal: { Service: `logs.${props.region}.amazonaws.com` },
          Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
          Resource: '*',
          Condition: {
            ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${props.partition}:logs:${props.region}:${props.accountId}:log-group:*` },
          },
        },
      ],
    };
    this.key = new KmsKey(this, 'Key', {
      description: props.description,
      enableKeyRotation: true,
      deletionWindowInDays: DEFAULT_KEY_DELETION_WINDOW_DAYS,
      policy: JSON.stringify(policy),
    });
    if (props.removalPolicy === RemovalPolicy.RETAIN) this.retain();
    new KmsAlias(this, 'Alias', { name: props.aliasName, targetKeyId: this.key.keyId });
    this.keyArn = this.key.arn;
  }

  /** Protects the key from deletion (a shared key is retained as soon as one store retains data). */
  public retain(): void {
    this.key.addOverride('lifecycle.prevent_destroy', true);
  }
}
