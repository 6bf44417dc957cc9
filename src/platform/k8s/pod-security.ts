/** Pod Security Standards level a namespace enforces. */
export enum PodSecurityLevel {
  /** The hardened profile: non-root, no privilege escalation, all capabilities dropped, seccomp. */
  RESTRICTED = 'restricted',
  /** Only blocks known privilege escalations. An explicit, weaker opt-out. */
  BASELINE = 'baseline',
}

/** Pod Security level enforced by default. */
export const DEFAULT_POD_SECURITY_LEVEL = PodSecurityLevel.RESTRICTED;

/** The container security context that satisfies "restricted". @internal */
export const RESTRICTED_CONTAINER_SECURITY_CONTEXT = {
  runAsNonRoot: true,
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};

/** The pod security context that satisfies "restricted". @internal */
export const RESTRICTED_POD_SECURITY_CONTEXT = {
  runAsNonRoot: true,
  seccompProfile: { type: 'RuntimeDefault' },
};
