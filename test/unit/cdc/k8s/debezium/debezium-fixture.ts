import { TerraformStack } from 'cdktf';
import { KubernetesPlatform, KubernetesPlatformProps } from '../../../../../src';
import { ISourceDatabase, SourceDatabase, SourceEngine } from '../../../../../src/cdc';
import { KubernetesSecretStore } from '../../../../../src/secrets/k8s';
import { synthesizedCustomResources } from '../../../../support/schemas';
import { newStack, synth, Synthesized } from '../../../../support/synth';

/** A Connect image with the three Debezium plugins. */
export const CDC_CONNECT_IMAGE = 'registry.example.com/acme/cdc-connect:1';

/** Host and port of each engine's test database (in another namespace, `shop`). */
export const SOURCES: Record<SourceEngine, { host: string; port: number; databaseName: string }> = {
  [SourceEngine.MYSQL]: { host: 'orders-mysql.shop.svc', port: 3306, databaseName: 'orders' },
  [SourceEngine.POSTGRESQL]: { host: 'orders-pg-rw.shop.svc', port: 5432, databaseName: 'orders' },
  [SourceEngine.MONGODB]: { host: 'orders-mongo-svc.shop.svc.cluster.local', port: 27017, databaseName: 'orders' },
};

/** A stack with a Kubernetes platform ("acme"). */
export function platformStack(platform: Partial<KubernetesPlatformProps> = {}): TerraformStack {
  const stack = newStack();
  new KubernetesPlatform(stack, 'Platform', { namePrefix: 'acme', ...platform });
  return stack;
}

/** An existing database of `engine` whose CDC user's password a KubernetesSecretStore generates (`acme-<id>-cdc`). */
export function sourceDatabase(
  stack: TerraformStack, id: string, engine: SourceEngine, overrides: { host?: string; tlsRequired?: boolean } = {},
): ISourceDatabase {
  const store = (stack.node.tryFindChild('Secrets') as KubernetesSecretStore | undefined) ?? new KubernetesSecretStore(stack, 'Secrets');
  const cdcCredential = store.generateCredential(`${id}Cdc`, { name: `${id.toLowerCase()}-cdc`, username: 'debezium' });
  const given = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  return SourceDatabase.fromAttributes(stack, id, { engine, ...SOURCES[engine], ...given, cdcCredential });
}

/** Everything a test reads from a synthesized stack. */
export function inspect(stack: TerraformStack) {
  const out: Synthesized = synth(stack);
  const resources = synthesizedCustomResources(out.json);
  const ofKind = (kind: string) => resources.filter((r) => r.kind === kind);
  const named = (kind: string, name: string) => ofKind(kind).find((r) => r.metadata.name === name);
  const policies = Object.values<any>(out.resources('kubernetes_network_policy_v1'));
  const policy = (name: string) => policies.find((p) => p.metadata.name === name);
  const roles = Object.values<any>(out.resources('kubernetes_role_v1'));
  const role = (name: string) => roles.find((r) => r.metadata.name === name);
  const binding = (name: string) => Object.values<any>(out.resources('kubernetes_role_binding_v1')).find((b) => b.metadata.name === name);
  const acls = (user: string) => named('KafkaUser', user).spec.authorization.acls
    .map((a: any) => `${a.resource.type}:${a.resource.name}:${a.resource.patternType}:${a.operations.join('+')}`);
  return { out, resources, ofKind, named, policies, policy, roles, role, binding, acls };
}
