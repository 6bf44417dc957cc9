import { RemovalPolicy } from '../../../../platform/platform';

/** What the effective removal policy means for a database's deletion. @internal */
export interface SnapshotSettings {
  readonly skipFinalSnapshot: boolean;
  readonly finalSnapshotIdentifier?: string;
  readonly deletionProtection: boolean;
}

/**
 * RETAIN: deletion protection and a final snapshot `<identifier>-final`; DESTROY: neither.
 * @internal
 */
export function snapshotSettings(identifier: string, policy: RemovalPolicy): SnapshotSettings {
  const destroy = policy === RemovalPolicy.DESTROY;
  return {
    skipFinalSnapshot: destroy,
    finalSnapshotIdentifier: destroy ? undefined : `${identifier}-final`,
    deletionProtection: !destroy,
  };
}
