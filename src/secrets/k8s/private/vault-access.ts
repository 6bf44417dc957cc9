import { KubernetesAuthBackendRole } from '@cdktf/provider-vault/lib/kubernetes-auth-backend-role';
import { Policy } from '@cdktf/provider-vault/lib/policy';
import { Construct } from 'constructs';
import { Lazy, TerraformProvider } from '../../../core/cdktf';
import { kebab } from '../../../core/naming';
import { isUnresolved } from '../../../core/validate';
import { IIdentity } from '../../../identity/identity';
import { KubernetesPlatform } from '../../../platform/k8s/kubernetes-platform';
import { ICredential } from '../../secret-store-contract';

/** The KV v2 API path of a credential's data: `<mount>/data/<path>`. @internal */
export function kvDataPath(credential: ICredential): string {
  return `${credential.vaultMount}/data/${credential.vaultPath}`;
}

/** The least-privilege policy of one credential: read its data path, nothing else. @internal */
export function readPolicyHcl(credential: ICredential): string {
  return `path "${kvDataPath(credential)}" {\n  capabilities = ["read"]\n}\n`;
}

/** How the store's roles are configured. @internal */
export interface VaultAccessConfig {
  /** Path of the Kubernetes auth method (a token of the created one, for ordering). */
  readonly authPath: string;
  readonly tokenTtlSeconds: number;
  readonly tokenMaxTtlSeconds: number;
  readonly audience?: string;
  readonly provider?: TerraformProvider;
}

interface IdentityRole {
  readonly role: KubernetesAuthBackendRole;
  /** Addresses of the credentials granted, in grant order. */
  readonly credentials: string[];
}

/**
 * The Vault side of the store's grants: one read policy per credential and one Kubernetes auth role
 * per identity, bound to that service account in the platform namespace, whose `token_policies`
 * accumulate (lazily) every policy granted to it.
 * @internal
 */
export class VaultAccess extends Construct {
  private readonly roles = new Map<string, IdentityRole>();
  private readonly policies = new Map<string, Policy>();

  constructor(scope: Construct, id: string, private readonly config: VaultAccessConfig) {
    super(scope, id);
  }

  /** Adds the credential's read policy to the identity's role (creating either when missing). */
  public grant(identity: IIdentity, credential: ICredential): void {
    this.policyOf(credential);
    const entry = this.roleOf(identity);
    if (!entry.credentials.includes(credential.node.addr)) entry.credentials.push(credential.node.addr);
  }

  /** Whether `identity` was granted `credential`. */
  public isGranted(identity: IIdentity, credential: ICredential): boolean {
    return this.roles.get(identity.node.addr)?.credentials.includes(credential.node.addr) ?? false;
  }

  private policyOf(credential: ICredential): Policy {
    const existing = this.policies.get(credential.node.addr);
    if (existing) return existing;
    const platform = KubernetesPlatform.ofKubernetes(this);
    const base = isUnresolved(credential.credentialName) ? `${platform.namePrefix}-${kebab(credential.node.id)}` : credential.credentialName;
    const policy = new Policy(this, `Read-${credential.node.addr.slice(0, 12)}`, {
      name: `${base}-read`,
      policy: readPolicyHcl(credential),
      provider: this.config.provider,
    });
    this.policies.set(credential.node.addr, policy);
    return policy;
  }

  private roleOf(identity: IIdentity): IdentityRole {
    const existing = this.roles.get(identity.node.addr);
    if (existing) return existing;
    const platform = KubernetesPlatform.ofKubernetes(this);
    const credentials: string[] = [];
    const role = new KubernetesAuthBackendRole(this, `Role-${identity.node.addr.slice(0, 12)}`, {
      backend: this.config.authPath,
      roleName: identity.identityName,
      boundServiceAccountNames: [identity.identityName],
      boundServiceAccountNamespaces: [platform.namespace],
      // Every policy granted to this identity, however many grants come after this call.
      tokenPolicies: Lazy.listValue({ produce: () => credentials.map((addr) => this.policies.get(addr)!.name) }),
      tokenTtl: this.config.tokenTtlSeconds,
      tokenMaxTtl: this.config.tokenMaxTtlSeconds,
      audience: this.config.audience,
      provider: this.config.provider,
    });
    const entry = { role, credentials };
    this.roles.set(identity.node.addr, entry);
    return entry;
  }
}
