import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { NetworkPolicyV1, NetworkPolicyV1SpecIngressFrom } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { Construct, IConstruct } from 'constructs';
import { ITerraformDependable } from '../../core/cdktf';
import { invalidConfig, invalidProp } from '../../core/errors';
import { checkName, KubernetesNameRules } from '../../core/naming';
import { PipelinePlatform, PipelinePlatformProps, PlatformKind } from '../platform';
import { AllowTrafficOptions, NetworkPeer, NetworkRule } from './network';
import { DEFAULT_POD_SECURITY_LEVEL, PodSecurityLevel } from './pod-security';

/** Props of {@link KubernetesPlatform}. */
export interface KubernetesPlatformProps extends PipelinePlatformProps {
  /**
   * Namespace every component of the stack is installed in.
   * @default - the namePrefix
   */
  readonly namespace?: string;
  /**
   * Whether the stack creates the namespace (with Pod Security labels). Set false to use an existing
   * namespace that someone else labels.
   * @default true
   */
  readonly createNamespace?: boolean;
  /**
   * Path of the kubeconfig file for the kubernetes and helm providers.
   * @default - the providers' own defaults (`KUBE_CONFIG_PATH` and friends)
   */
  readonly kubeconfigPath?: string;
  /**
   * kubeconfig context.
   * @default - the current context
   */
  readonly kubeContext?: string;
  /**
   * Pod Security Standards level enforced on the namespace.
   * @default PodSecurityLevel.RESTRICTED
   */
  readonly podSecurity?: PodSecurityLevel;
  /**
   * Storage class of every persistent volume claim.
   * @default - the cluster's default storage class
   */
  readonly storageClassName?: string;
}

/** Label every Kubernetes object of the library carries with the component's name. */
export const COMPONENT_LABEL = 'app.kubernetes.io/component';
/** Label with the platform's namePrefix (`app.kubernetes.io/part-of`). */
export const PART_OF_LABEL = 'app.kubernetes.io/part-of';

/**
 * The Kubernetes platform of a stack: kubernetes and helm providers, a namespace enforcing Pod
 * Security "restricted", a default-deny NetworkPolicy plus the allows each component declares, and
 * labels on every object.
 */
export class KubernetesPlatform extends PipelinePlatform {
  /** The Kubernetes platform of the stack containing `scope`; a clear error when it is not one. */
  public static ofKubernetes(scope: IConstruct): KubernetesPlatform {
    const platform = PipelinePlatform.of(scope);
    if (!(platform instanceof KubernetesPlatform)) {
      throw invalidConfig(scope, `this construct deploys to Kubernetes but the stack's platform (${platform.node.path}) is ${platform.kind}.`);
    }
    return platform;
  }

  public readonly kind = PlatformKind.KUBERNETES;
  /** Namespace of every component. */
  public readonly namespace: string;
  /** Pod Security level enforced on the namespace. */
  public readonly podSecurity: PodSecurityLevel;
  /** Storage class for persistent volumes (undefined: cluster default). */
  public readonly storageClassName?: string;
  /** The kubernetes provider. */
  public readonly kubernetesProvider: KubernetesProvider;
  /** The helm provider. */
  public readonly helmProvider: HelmProvider;
  /** What workloads must be created after (the namespace and its default-deny policy). */
  public readonly baseline: ITerraformDependable[];

  constructor(scope: Construct, id: string, props: KubernetesPlatformProps) {
    super(scope, id, props);
    this.namespace = checkName(this, 'namespace', props.namespace ?? props.namePrefix, KubernetesNameRules.DNS_LABEL);
    this.podSecurity = props.podSecurity ?? DEFAULT_POD_SECURITY_LEVEL;
    if (!Object.values(PodSecurityLevel).includes(this.podSecurity)) {
      throw invalidProp(this, 'podSecurity', this.podSecurity, `use one of ${Object.values(PodSecurityLevel).join(', ')}`);
    }
    this.storageClassName = props.storageClassName;
    const connection = { configPath: props.kubeconfigPath, configContext: props.kubeContext };
    this.kubernetesProvider = new KubernetesProvider(this, 'Kubernetes', connection);
    this.helmProvider = new HelmProvider(this, 'Helm', { kubernetes: connection });

    const baseline: ITerraformDependable[] = [];
    if (props.createNamespace ?? true) {
      const level = this.podSecurity;
      baseline.push(
        new NamespaceV1(this, 'Namespace', {
          metadata: {
            name: this.namespace,
            labels: {
              ...this.labels('namespace'),
              'pod-security.kubernetes.io/enforce': level,
              'pod-security.kubernetes.io/audit': level,
              'pod-security.kubernetes.io/warn': level,
            },
          },
        }),
      );
    }
    baseline.push(this.policy(this, 'DefaultDeny', 'default-deny', {}, ['Ingress', 'Egress'], [], [], baseline));
    baseline.push(
      this.policy(this, 'AllowDns', 'allow-dns', {}, ['Egress'], [], [
        {
          peers: [{ namespaceLabels: { 'kubernetes.io/metadata.name': 'kube-system' }, podLabels: { 'k8s-app': 'kube-dns' } }],
          ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }],
        },
      ], baseline),
    );
    this.baseline = baseline;
  }

  /** Standard labels of a component's objects. */
  public labels(component: string): Record<string, string> {
    return { ...this.tags, [PART_OF_LABEL]: this.namePrefix, [COMPONENT_LABEL]: component };
  }

  /**
   * Adds a NetworkPolicy allowing exactly the given connections of the selected pods (on top of
   * the namespace's default deny).
   * @param scope construct owning the policy
   * @param name policy name (a DNS label)
   */
  public allowTraffic(scope: Construct, name: string, options: AllowTrafficOptions): NetworkPolicyV1 {
    checkName(scope, 'network policy name', name, KubernetesNameRules.DNS_LABEL);
    const rules = [...(options.ingress ?? []), ...(options.egress ?? [])];
    for (const rule of rules) {
      if (rule.peers.length === 0 || rule.ports.length === 0) {
        throw invalidConfig(scope, `network policy "${name}": every rule needs at least one peer and one port (an empty list would allow everything).`);
      }
    }
    const types = [...(options.ingress?.length ? ['Ingress'] : []), ...(options.egress?.length ? ['Egress'] : [])];
    return this.policy(scope, `Allow-${name}`, name, options.podLabels, types, options.ingress ?? [], options.egress ?? [], this.baseline);
  }

  private policy(
    scope: Construct, id: string, name: string, podLabels: Record<string, string>, types: string[],
    ingress: NetworkRule[], egress: NetworkRule[], dependsOn: ITerraformDependable[],
  ): NetworkPolicyV1 {
    const peer = (p: NetworkPeer): NetworkPolicyV1SpecIngressFrom =>
      p.cidr !== undefined
        ? { ipBlock: { cidr: p.cidr } }
        : {
          podSelector: p.podLabels ? { matchLabels: p.podLabels } : undefined,
          namespaceSelector: p.namespaceLabels ? { matchLabels: p.namespaceLabels } : undefined,
        };
    const ports = (r: NetworkRule) => r.ports.map((p) => ({ port: String(p.port), protocol: p.protocol ?? 'TCP' }));
    return new NetworkPolicyV1(scope, id, {
      metadata: { name, namespace: this.namespace, labels: this.labels('network-policy') },
      spec: {
        podSelector: { matchLabels: podLabels },
        policyTypes: types,
        ingress: ingress.map((r) => ({ from: r.peers.map(peer), ports: ports(r) })),
        egress: egress.map((r) => ({ to: r.peers.map(peer), ports: ports(r) })),
      },
      dependsOn: [...dependsOn],
    });
  }
}
