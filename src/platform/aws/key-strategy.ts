/** How the AWS platform provides customer-managed KMS keys to data stores. */
export enum KeyStrategyKind {
  /** One CMK (rotation on) for every data store of the stack. */
  SHARED = 'shared',
  /** One CMK (rotation on) per data store. */
  PER_STORE = 'per-store',
  /** A key that already exists, by ARN. */
  EXISTING = 'existing',
}

/** Days KMS waits before deleting a key scheduled for deletion (the longest AWS allows). */
export const DEFAULT_KEY_DELETION_WINDOW_DAYS = 30;

/**
 * Customer-managed KMS key strategy of an AWS platform. AWS-managed keys are never used.
 */
export class KeyStrategy {
  /** One CMK with rotation for the whole stack (the default). */
  public static sharedKey(): KeyStrategy {
    return new KeyStrategy(KeyStrategyKind.SHARED);
  }

  /** One CMK with rotation per data store (separate blast radius and key policy per store). */
  public static keyPerStore(): KeyStrategy {
    return new KeyStrategy(KeyStrategyKind.PER_STORE);
  }

  /**
   * An existing key. Its key policy must let the account's IAM policies use it and, for encrypted
   * log groups, let `logs.<region>.amazonaws.com` use it.
   */
  public static existingKey(keyArn: string): KeyStrategy {
    return new KeyStrategy(KeyStrategyKind.EXISTING, keyArn);
  }

  private constructor(
    /** Which strategy. */
    public readonly kind: KeyStrategyKind,
    /** The key ARN for EXISTING. */
    public readonly keyArn?: string,
  ) {}
}
