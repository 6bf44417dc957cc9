import { TerraformStack } from 'cdktf';
import { synthesizedCustomResources } from './schemas';
import { newStack, synth, Synthesized } from './synth';
import { KubernetesPlatform, KubernetesPlatformProps } from '../../src';

/** A stack with a Kubernetes platform ("acme"). */
export function platformStack(platform: Partial<KubernetesPlatformProps> = {}): TerraformStack {
  const stack = newStack();
  new KubernetesPlatform(stack, 'Platform', { namePrefix: 'acme', ...platform });
  return stack;
}

/** Everything a Kubernetes test reads from a synthesized stack. */
export function inspect(stack: TerraformStack) {
  const out: Synthesized = synth(stack);
  const releases = Object.values<any>(out.resources('helm_release'));
  const release = (name: string) => releases.find((r) => r.name === name);
  const values = (name: string) => JSON.parse(release(name).values[0]);
  const resources = synthesizedCustomResources(out.json);
  const ofKind = (kind: string) => resources.filter((r) => r.kind === kind);
  const policies = Object.values<any>(out.resources('kubernetes_network_policy_v1'));
  const policy = (name: string) => policies.find((p) => p.metadata.name === name);
  const secrets = Object.values<any>(out.resources('kubernetes_secret_v1'));
  return { out, releases, release, values, resources, ofKind, policies, policy, secrets };
}
