

export { inspect, platformStack } from '../../../../support/kubernetes';

/** Kubernetes API egress as the platform renders it. */
export const API_EGRESS = { to: [{ ip_block: { cidr: '0.0.0.0/0' } }], ports: [{ port: '443', protocol: 'TCP' }, { port: '6443', protocol: 'TCP' }] };

/** TCP ports as the platform renders them. */
export function tcp(...ports: number[]) {
  return ports.map((port) => ({ port: String(port), protocol: 'TCP' }));
}

/** A SecretStore whose credentials are not Kubernetes Secrets (Secrets Manager). */
export const SECRETS_MANAGER_STORE: any = { backend: 'secrets-manager', node: {} };
