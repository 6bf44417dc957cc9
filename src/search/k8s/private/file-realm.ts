import { KubernetesObject } from '../../../platform/k8s/custom-resources';

/** Index privileges of one role entry. @internal */
export interface IndexPrivileges {
  readonly names: string[];
  readonly privileges: string[];
}

/** An Elasticsearch role declared in `roles.yml` (ECK's `spec.auth.roles`). @internal */
export interface ElasticsearchRole {
  readonly name: string;
  readonly cluster: string[];
  readonly indices: IndexPrivileges[];
}

/** Key of the roles Secret ECK reads (`roles.yml`). */
export const ROLES_FILE_KEY = 'roles.yml';
/** Key of the file realm's role mapping (`users_roles`: one `role:user1,user2` line per role). */
export const USERS_ROLES_KEY = 'users_roles';

/** Privileges a writer needs on its indices: create documents (op_type create) and the index. @internal */
export const WRITER_INDEX_PRIVILEGES = ['create_doc', 'create_index', 'view_index_metadata'];
/** Cluster privileges of writers and the exporter: read-only monitoring (version and license checks, health, stats). @internal */
export const MONITOR_CLUSTER_PRIVILEGES = ['monitor'];

/**
 * The users and roles a cluster declares through ECK's file realm: basic-auth Secrets (`username`,
 * `password`; ECK hashes the password) under `spec.auth.fileRealm`, role definitions in a Secret
 * under `spec.auth.roles`, and a Secret with only `users_roles` mapping roles to users. ECK merges
 * the role mappings of every file realm source with its own users' (user by user, role by role),
 * so a mapping can also add a role to a user ECK creates for an association (Filebeat's).
 * @internal
 */
export class FileRealm {
  private readonly userSecrets: string[] = [];
  private readonly roles = new Map<string, ElasticsearchRole>();
  private readonly mapping = new Map<string, Set<string>>();

  constructor(private readonly clusterName: string) {}

  /** Name of the Secret holding `roles.yml`. */
  public get rolesSecretName(): string {
    return `${this.clusterName}-custom-roles`;
  }

  /** Name of the Secret holding `users_roles`. */
  public get roleMappingSecretName(): string {
    return `${this.clusterName}-custom-role-mapping`;
  }

  /** Adds a `kubernetes.io/basic-auth` Secret of a user. */
  public addUserSecret(secretName: string): void {
    if (!this.userSecrets.includes(secretName)) this.userSecrets.push(secretName);
  }

  /** Declares a role (the last definition of a name wins) and gives it to `username`. */
  public grant(role: ElasticsearchRole, username: string): void {
    this.roles.set(role.name, role);
    const users = this.mapping.get(role.name) ?? new Set<string>();
    users.add(username);
    this.mapping.set(role.name, users);
  }

  /** `spec.auth` of the Elasticsearch resource. */
  public auth(): Record<string, any> {
    return {
      fileRealm: [...this.userSecrets, this.roleMappingSecretName].map((secretName) => ({ secretName })),
      roles: [{ secretName: this.rolesSecretName }],
    };
  }

  /** The Secret of the role definitions (`roles.yml`, one JSON document: JSON is YAML). */
  public rolesSecret(labels: Record<string, string>, annotations: Record<string, string>): KubernetesObject {
    const sorted = [...this.roles.values()].sort((a, b) => a.name.localeCompare(b.name));
    const rolesYml = Object.fromEntries(sorted.map((r) => [r.name, { cluster: r.cluster, indices: r.indices }]));
    return secret(this.rolesSecretName, labels, annotations, { [ROLES_FILE_KEY]: JSON.stringify(rolesYml) });
  }

  /** The Secret of the role mapping (`users_roles`, no `users`: the passwords are in the users' own Secrets). */
  public roleMappingSecret(labels: Record<string, string>, annotations: Record<string, string>): KubernetesObject {
    const lines = [...this.mapping.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([role, users]) => `${role}:${[...users].sort().join(',')}\n`);
    return secret(this.roleMappingSecretName, labels, annotations, { [USERS_ROLES_KEY]: lines.join('') });
  }
}

function secret(
  name: string, labels: Record<string, string>, annotations: Record<string, string>, stringData: Record<string, string>,
): KubernetesObject {
  const metadata = { name, labels, ...(Object.keys(annotations).length > 0 ? { annotations } : {}) };
  return { apiVersion: 'v1', kind: 'Secret', metadata, type: 'Opaque', stringData } as KubernetesObject;
}
