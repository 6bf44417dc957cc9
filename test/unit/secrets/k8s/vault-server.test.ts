import { TerraformStack } from 'cdktf';
import { KubernetesPlatform, RemovalPolicy } from '../../../../src';
import { VAULT_CHART, VAULT_VERSION } from '../../../../src/platform/k8s/secret-versions';
import {
  DEFAULT_VAULT_AUDIT_STORAGE_GIB, DEFAULT_VAULT_DATA_STORAGE_GIB, DEFAULT_VAULT_REPLICAS, VaultServer, VaultTls,
} from '../../../../src/secrets';
import { warnings } from '../../../support/annotations';
import { newStack, synth, Synthesized } from '../../../support/synth';

const SERVERS = { 'app.kubernetes.io/name': 'vault', 'app.kubernetes.io/instance': 'acme-vault', 'component': 'server' };
const INJECTOR = { 'app.kubernetes.io/name': 'vault-agent-injector', 'app.kubernetes.io/instance': 'acme-vault', 'component': 'webhook' };
const TLS_CONFIG = `ui = false
disable_mlock = true

listener "tcp" {
  address = "[::]:8200"
  cluster_address = "[::]:8201"
  tls_cert_file = "/vault/userconfig/tls/tls.crt"
  tls_key_file = "/vault/userconfig/tls/tls.key"
  tls_min_version = "tls12"
}

storage "raft" {
  path = "/vault/data"
  retry_join {
    leader_api_addr = "https://acme-vault-0.acme-vault-internal:8200"
    leader_ca_cert_file = "/vault/userconfig/tls/ca.crt"
  }
  retry_join {
    leader_api_addr = "https://acme-vault-1.acme-vault-internal:8200"
    leader_ca_cert_file = "/vault/userconfig/tls/ca.crt"
  }
  retry_join {
    leader_api_addr = "https://acme-vault-2.acme-vault-internal:8200"
    leader_ca_cert_file = "/vault/userconfig/tls/ca.crt"
  }
}

service_registration "kubernetes" {}
`;

function k8sStack(allowDataDestruction = false): TerraformStack {
  const stack = newStack();
  new KubernetesPlatform(stack, 'Platform', { namePrefix: 'acme', allowDataDestruction });
  return stack;
}

function release(out: Synthesized): { release: any; values: any } {
  const r = out.only('helm_release');
  return { release: r, values: JSON.parse(r.values[0]) };
}

function policy(out: Synthesized, name: string): any {
  const found = Object.values<any>(out.resources('kubernetes_network_policy_v1')).filter((p) => p.metadata.name === name);
  expect(found).toHaveLength(1);
  return found[0].spec;
}

describe('VaultServer', () => {
  test('defaults: pinned chart, HA raft with TLS, data and audit volumes, restricted pods, injector on, UI off, retained', () => {
    const stack = k8sStack();
    const vault = new VaultServer(stack, 'Vault', { tls: VaultTls.fromSecret('vault-tls') });
    const out = synth(stack);
    const { release: r, values } = release(out);

    expect([r.repository, r.chart, r.version, r.name, r.namespace]).toEqual(['https://helm.releases.hashicorp.com', 'vault', '0.34.1', 'acme-vault', 'acme']);
    expect([VAULT_CHART.version, VAULT_VERSION]).toEqual(['0.34.1', '2.0.4']);
    // Sealed servers never become ready: no waiting, so no atomic rollback of the first install.
    expect([r.wait, r.atomic]).toEqual([false, false]);
    expect(r.lifecycle).toEqual({ prevent_destroy: true });

    expect(values.global).toEqual({ enabled: true, tlsDisable: false });
    expect(values.server.ha).toEqual({
      enabled: true, replicas: DEFAULT_VAULT_REPLICAS, raft: { enabled: true, setNodeId: true, config: TLS_CONFIG },
    });
    expect(values.server.dataStorage).toEqual({ enabled: true, size: `${DEFAULT_VAULT_DATA_STORAGE_GIB}Gi`, storageClass: null, accessMode: 'ReadWriteOnce' });
    expect(values.server.auditStorage).toEqual({ enabled: true, size: `${DEFAULT_VAULT_AUDIT_STORAGE_GIB}Gi`, storageClass: null, accessMode: 'ReadWriteOnce' });
    expect(values.server.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Retain', whenScaled: 'Retain' });
    expect(values.server.resources).toEqual({ requests: { cpu: '250m', memory: '512Mi' }, limits: { memory: '512Mi' } });
    expect(values.server.volumes).toEqual([{ name: 'tmp', emptyDir: {} }, { name: 'tls', secret: { secretName: 'vault-tls', defaultMode: 0o440 } }]);
    expect(values.server.volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }, { name: 'tls', mountPath: '/vault/userconfig/tls', readOnly: true }]);
    expect(values.server.extraEnvironmentVars).toEqual({ VAULT_CACERT: '/vault/userconfig/tls/ca.crt' });
    const pod = { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' }, runAsUser: 100, runAsGroup: 1000, fsGroup: 1000 };
    const container = {
      runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' },
    };
    expect(values.server.statefulSet.securityContext).toEqual({ pod, container });
    expect(values.injector).toEqual({
      enabled: true,
      resources: { requests: { cpu: '50m', memory: '128Mi' }, limits: { memory: '128Mi' } },
      securityContext: { pod, container },
    });
    expect(values.ui).toEqual({ enabled: false });
    expect(values.csi).toEqual({ enabled: false });
    expect(values.server.networkPolicy).toEqual({ enabled: false });

    expect(vault.address).toBe('https://acme-vault.acme.svc:8200');
    expect(warnings(stack)).toEqual([]);
  });

  test('NetworkPolicies: 8200/8201 between servers, 8200 from the injector and the namespace, webhook from the API server', () => {
    const stack = k8sStack();
    new VaultServer(stack, 'Vault', { tls: VaultTls.fromSecret('vault-tls'), additionalClients: [{ namespaceLabels: { team: 'apps' } }] });
    const out = synth(stack);
    const api = [{ port: '443', protocol: 'TCP' }, { port: '6443', protocol: 'TCP' }];
    const cluster = [{ port: '8200', protocol: 'TCP' }, { port: '8201', protocol: 'TCP' }];
    expect(policy(out, 'allow-acme-vault-server')).toEqual({
      pod_selector: { match_labels: SERVERS },
      policy_types: ['Ingress', 'Egress'],
      ingress: [
        { from: [{ pod_selector: { match_labels: SERVERS } }], ports: cluster },
        {
          from: [{ pod_selector: { match_labels: INJECTOR } }, { pod_selector: { match_labels: {} } }, { namespace_selector: { match_labels: { team: 'apps' } } }],
          ports: [{ port: '8200', protocol: 'TCP' }],
        },
      ],
      egress: [
        { to: [{ pod_selector: { match_labels: SERVERS } }], ports: cluster },
        { to: [{ ip_block: { cidr: '0.0.0.0/0' } }], ports: api },
      ],
    });
    expect(policy(out, 'allow-acme-vault-clients')).toEqual({
      pod_selector: { match_labels: {} },
      policy_types: ['Egress'],
      ingress: [],
      egress: [{ to: [{ pod_selector: { match_labels: SERVERS } }], ports: [{ port: '8200', protocol: 'TCP' }] }],
    });
    expect(policy(out, 'allow-acme-vault-injector')).toEqual({
      pod_selector: { match_labels: INJECTOR },
      policy_types: ['Ingress', 'Egress'],
      ingress: [{ from: [{ ip_block: { cidr: '0.0.0.0/0' } }], ports: [{ port: '8080', protocol: 'TCP' }] }],
      egress: [{ to: [{ ip_block: { cidr: '0.0.0.0/0' } }], ports: api }],
    });
  });

  test('TLS disabled is explicit and warned; UI and sizes are props; DESTROY (allowed) deletes the volumes', () => {
    const stack = k8sStack(true);
    const vault = new VaultServer(stack, 'Vault', {
      tls: VaultTls.disabled(), ui: true, replicas: 1, dataStorageGiB: 50, auditStorageGiB: 5, removalPolicy: RemovalPolicy.DESTROY,
    });
    const out = synth(stack);
    const { release: r, values } = release(out);
    expect(values.global.tlsDisable).toBe(true);
    expect(values.ui).toEqual({ enabled: true });
    expect(values.server.ha.replicas).toBe(1);
    expect(values.server.ha.raft.config).toContain('ui = true\n');
    expect(values.server.ha.raft.config).toContain('  tls_disable = 1\n');
    expect(values.server.ha.raft.config).toContain('leader_api_addr = "http://acme-vault-0.acme-vault-internal:8200"');
    expect(values.server.ha.raft.config).not.toContain('tls_cert_file');
    expect(values.server.volumes).toEqual([{ name: 'tmp', emptyDir: {} }]);
    expect(values.server.extraEnvironmentVars).toEqual({});
    expect([values.server.dataStorage.size, values.server.auditStorage.size]).toEqual(['50Gi', '5Gi']);
    expect(values.server.persistentVolumeClaimRetentionPolicy.whenDeleted).toBe('Delete');
    expect(r.lifecycle).toBeUndefined();
    expect(vault.address).toBe('http://acme-vault.acme.svc:8200');
    expect(warnings(stack)).toEqual([{
      path: 'test/Vault',
      message: 'tls: VaultTls.disabled() serves Vault over plain HTTP, so tokens and secrets cross the network unencrypted. Use VaultTls.fromSecret(secretName) outside development.',
    }]);
  });

  test('validation', () => {
    expect(() => new VaultServer(k8sStack(), 'Vault', { tls: VaultTls.fromSecret('vault-tls'), replicas: 4 })).toThrow(
      'test/Vault: invalid replicas: received 4; use an odd number from 1 to 7 (raft needs a majority of the servers).',
    );
    expect(() => new VaultServer(k8sStack(), 'Vault', { tls: VaultTls.fromSecret('vault-tls'), replicas: 9 })).toThrow(
      'test/Vault: invalid replicas: received 9; must be an integer from 1 to 7.',
    );
    expect(() => new VaultServer(k8sStack(), 'Vault', { tls: VaultTls.fromSecret('Vault_TLS') })).toThrow(
      'test/Vault: invalid tls secretName: received "Vault_TLS"; Kubernetes names have 1 to 63 characters of lowercase letters, digits and hyphens, starting and ending with a letter or digit; this one has 9.',
    );
    expect(() => new VaultServer(k8sStack(), 'Vault', { tls: true as any })).toThrow(
      'test/Vault: invalid tls: received true; use VaultTls.fromSecret(secretName) or, for development only, VaultTls.disabled().',
    );
    expect(() => new VaultServer(k8sStack(), 'Vault', { tls: VaultTls.fromSecret('vault-tls'), resources: { cpuRequest: 'lots', memoryRequest: '1Gi', memoryLimit: '1Gi' } })).toThrow(
      'test/Vault: invalid resources.cpuRequest: received "lots"; use a Kubernetes quantity such as "500m" or "512Mi".',
    );
    expect(() => new VaultServer(k8sStack(), 'Vault', { tls: VaultTls.fromSecret('vault-tls'), dataStorageGiB: 0 })).toThrow(
      'test/Vault: invalid dataStorageGiB: received 0; must be an integer from 1 to 65536.',
    );
  });
});
