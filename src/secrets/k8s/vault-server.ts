import { Construct } from 'constructs';
import { vaultServerValues } from './private/vault-server-values';
import {
  DEFAULT_VAULT_AUDIT_STORAGE_GIB, DEFAULT_VAULT_DATA_STORAGE_GIB, DEFAULT_VAULT_INJECTOR_RESOURCES, DEFAULT_VAULT_REPLICAS,
  DEFAULT_VAULT_SERVER_RESOURCES, MAX_VAULT_REPLICAS, VAULT_API_PORT, VAULT_CLUSTER_PORT, VAULT_INJECTOR_PORT, VaultServerProps,
} from './vault-server-props';
import { VaultTls } from './vault-tls';
import { Annotations } from '../../core/cdktf';
import { invalidProp } from '../../core/errors';
import { checkName, KubernetesNameRules } from '../../core/naming';
import { integerInRange, isUnresolved } from '../../core/validate';
import { HelmChart } from '../../platform/k8s/helm-chart';
import { KubernetesPlatform } from '../../platform/k8s/kubernetes-platform';
import { KUBERNETES_API_PEER, KUBERNETES_API_PORTS } from '../../platform/k8s/network';
import { checkResources } from '../../platform/k8s/resources';
import { VAULT_CHART } from '../../platform/k8s/secret-versions';
import { RemovalPolicy } from '../../platform/platform';

/** Suffix of the release name: `<namePrefix>-vault` (it must contain "vault" for the chart's names). */
export const VAULT_RELEASE_SUFFIX = 'vault';
/** Largest volume accepted, in GiB. */
const MAX_STORAGE_GIB = 65_536;

/**
 * HashiCorp Vault from the official chart, in the platform namespace: an HA raft cluster
 * (`replicas` servers, each with a data and an audit volume), the Vault Agent Injector, TLS from a
 * Secret (`VaultTls.fromSecret`) unless explicitly disabled, Pod Security "restricted" contexts and
 * NetworkPolicies allowing 8200/8201 between the servers, 8200 from the namespace's pods (injected
 * agents) and the API server to the injector's webhook.
 *
 * After the first apply Vault is sealed and uninitialised: run `vault operator init` on one server
 * (keep the unseal keys and root token safe), then `vault operator unseal` on every server (or
 * configure auto-unseal with a `seal` stanza), and enable an audit device writing under
 * `/vault/audit`. The release is therefore installed without waiting for readiness (sealed servers
 * are never ready).
 *
 * Configure Vault (mounts, policies, roles, credentials) with a VaultSecretStore in a SEPARATE stack
 * applied after this one: the vault provider needs Vault's address and a token at plan time, so the
 * apply that installs Vault cannot also configure it.
 */
export class VaultServer extends Construct {
  /** The Helm chart (values kept as an object for inspection). */
  public readonly chart: HelmChart;
  /** Helm release name (also the name of the Vault Service). */
  public readonly releaseName: string;
  /** Address of the Vault API inside the cluster. */
  public readonly address: string;
  /** Servers in the raft cluster. */
  public readonly replicas: number;

  constructor(scope: Construct, id: string, props: VaultServerProps) {
    super(scope, id);
    const platform = KubernetesPlatform.ofKubernetes(this);
    if (!(props.tls instanceof VaultTls)) {
      throw invalidProp(this, 'tls', props.tls, 'use VaultTls.fromSecret(secretName) or, for development only, VaultTls.disabled()');
    }
    if (props.tls.enabled) {
      checkName(this, 'tls secretName', props.tls.secretName!, KubernetesNameRules.DNS_LABEL);
    } else {
      Annotations.of(this).addWarning('tls: VaultTls.disabled() serves Vault over plain HTTP, so tokens and secrets cross the network unencrypted. Use VaultTls.fromSecret(secretName) outside development.');
    }
    this.replicas = integerInRange(this, 'replicas', props.replicas, 1, MAX_VAULT_REPLICAS, DEFAULT_VAULT_REPLICAS);
    if (!isUnresolved(this.replicas) && this.replicas % 2 === 0) {
      throw invalidProp(this, 'replicas', this.replicas, `use an odd number from 1 to ${MAX_VAULT_REPLICAS} (raft needs a majority of the servers)`);
    }
    this.releaseName = checkName(this, 'release name', `${platform.namePrefix}-${VAULT_RELEASE_SUFFIX}`, KubernetesNameRules.DNS_LABEL);
    const scheme = props.tls.enabled ? 'https' : 'http';
    this.address = `${scheme}://${this.releaseName}.${platform.namespace}.svc:${VAULT_API_PORT}`;
    const removalPolicy = platform.effectiveRemovalPolicy(this, props.removalPolicy);

    this.chart = new HelmChart(this, 'Vault', {
      releaseName: this.releaseName,
      chart: VAULT_CHART,
      values: vaultServerValues({
        releaseName: this.releaseName,
        tls: props.tls,
        replicas: this.replicas,
        dataStorageGiB: integerInRange(this, 'dataStorageGiB', props.dataStorageGiB, 1, MAX_STORAGE_GIB, DEFAULT_VAULT_DATA_STORAGE_GIB),
        auditStorageGiB: integerInRange(this, 'auditStorageGiB', props.auditStorageGiB, 1, MAX_STORAGE_GIB, DEFAULT_VAULT_AUDIT_STORAGE_GIB),
        resources: checkResources(this, 'resources', props.resources ?? DEFAULT_VAULT_SERVER_RESOURCES),
        injectorResources: checkResources(this, 'injectorResources', props.injectorResources ?? DEFAULT_VAULT_INJECTOR_RESOURCES),
        ui: props.ui ?? false,
        retain: removalPolicy === RemovalPolicy.RETAIN,
        storageClassName: platform.storageClassName,
      }),
    });
    // Sealed, uninitialised servers never become ready, so Helm must not wait for them (and atomic
    // implies waiting): the release would time out and roll back on every first install.
    this.chart.release.wait = false;
    this.chart.release.atomic = false;
    platform.protect(this.chart.release, removalPolicy);
    this.allowTraffic(platform, props);
  }

  private allowTraffic(platform: KubernetesPlatform, props: VaultServerProps): void {
    const servers = { 'app.kubernetes.io/name': 'vault', 'app.kubernetes.io/instance': this.releaseName, 'component': 'server' };
    const injector = { 'app.kubernetes.io/name': 'vault-agent-injector', 'app.kubernetes.io/instance': this.releaseName, 'component': 'webhook' };
    const api = [{ port: VAULT_API_PORT }];
    const cluster = [{ port: VAULT_API_PORT }, { port: VAULT_CLUSTER_PORT }];
    const kubernetesApi = { peers: [KUBERNETES_API_PEER], ports: KUBERNETES_API_PORTS };
    platform.allowTraffic(this, `allow-${this.releaseName}-server`, {
      podLabels: servers,
      ingress: [
        // Raft replication, request forwarding and joins between the servers.
        { peers: [{ podLabels: servers }], ports: cluster },
        // Clients: the injector, injected Vault Agents and any pod of the namespace, plus the extras.
        { peers: [{ podLabels: injector }, { podLabels: {} }, ...(props.additionalClients ?? [])], ports: api },
      ],
      egress: [
        { peers: [{ podLabels: servers }], ports: cluster },
        // Kubernetes service registration and the Kubernetes auth method's TokenReview calls.
        kubernetesApi,
      ],
    });
    platform.allowTraffic(this, `allow-${this.releaseName}-clients`, {
      podLabels: {},
      egress: [{ peers: [{ podLabels: servers }], ports: api }],
    });
    platform.allowTraffic(this, `allow-${this.releaseName}-injector`, {
      podLabels: injector,
      ingress: [{ peers: [KUBERNETES_API_PEER], ports: [{ port: VAULT_INJECTOR_PORT }] }],
      egress: [kubernetesApi],
    });
  }

}
