import { Release } from '@cdktf/provider-helm/lib/release';
import { Construct, IConstruct } from 'constructs';
import { ANY_ELASTICSEARCH_POD_LABELS, ECK_WEBHOOK_PORT, ELASTICSEARCH_HTTP_PORT } from './eck-constants';
import { TerraformStack } from '../../core/cdktf';
import { HelmChart } from '../../platform/k8s/helm-chart';
import { KubernetesPlatform } from '../../platform/k8s/kubernetes-platform';
import { KUBERNETES_API_PEER, KUBERNETES_API_PORTS } from '../../platform/k8s/network';
import { RESTRICTED_CONTAINER_SECURITY_CONTEXT, RESTRICTED_POD_SECURITY_CONTEXT } from '../../platform/k8s/pod-security';
import { ResourceRequirements, toK8sResources } from '../../platform/k8s/resources';
import { ECK_OPERATOR_CHART } from '../../platform/k8s/search-versions';

/** CPU and memory of the ECK operator (the chart's requests, a tighter memory limit). */
export const DEFAULT_ECK_OPERATOR_RESOURCES: ResourceRequirements = { cpuRequest: '100m', memoryRequest: '256Mi', memoryLimit: '512Mi' };
/** Release name suffix of the operator (`<namePrefix>-eck-operator`). */
export const ECK_OPERATOR_RELEASE_SUFFIX = 'eck-operator';

const OPERATOR = Symbol.for('cdktf-data-pipelines.eck-operator');

/** Pod labels of the ECK operator (its chart's selector labels; `nameOverride` is "elastic-operator"). @internal */
export function eckOperatorPodLabels(releaseName: string): Record<string, string> {
  return { 'app.kubernetes.io/name': 'elastic-operator', 'app.kubernetes.io/instance': releaseName };
}

/**
 * The stack's ECK operator: one release per stack (chart pinned in `search-versions.ts`), shared by
 * every ElasticsearchSearchCluster, installed on first use by `EckOperator.of(scope)`. It watches
 * the platform namespace (and each log shipper namespace, added as clusters ship logs), runs under
 * Pod Security "restricted", sends no telemetry, and validates resources with its webhook.
 */
export class EckOperator extends Construct {
  /** The stack's operator, installed on first use. */
  public static of(scope: IConstruct): EckOperator {
    const stack = TerraformStack.of(scope);
    return ((stack as any)[OPERATOR] as EckOperator | undefined) ?? new EckOperator(stack, 'EckOperator');
  }

  /** The operator's helm_release (custom resources are applied after it: it installs their CRDs). */
  public readonly release: Release;
  /** Name of the Helm release. */
  public readonly releaseName: string;
  /** Labels of the operator pod. */
  public readonly podLabels: Record<string, string>;
  private readonly managedNamespaces: string[];

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    const stack = TerraformStack.of(this);
    Object.defineProperty(stack, OPERATOR, { value: this, enumerable: false });
    const platform = KubernetesPlatform.ofKubernetes(this);
    this.releaseName = `${platform.namePrefix}-${ECK_OPERATOR_RELEASE_SUFFIX}`;
    this.podLabels = eckOperatorPodLabels(this.releaseName);
    this.managedNamespaces = [platform.namespace];
    this.release = new HelmChart(this, 'Chart', {
      releaseName: this.releaseName,
      chart: ECK_OPERATOR_CHART,
      values: eckOperatorValues(this.managedNamespaces, DEFAULT_ECK_OPERATOR_RESOURCES, platform.labels('eck-operator')),
    }).release;
    platform.allowTraffic(this, 'allow-eck-operator', {
      podLabels: this.podLabels,
      ingress: [{ peers: [KUBERNETES_API_PEER], ports: [{ port: ECK_WEBHOOK_PORT }] }],
      egress: [
        { peers: [KUBERNETES_API_PEER], ports: KUBERNETES_API_PORTS },
        { peers: [{ podLabels: ANY_ELASTICSEARCH_POD_LABELS }], ports: [{ port: ELASTICSEARCH_HTTP_PORT }] },
      ],
    });
  }

  /** Namespaces the operator manages (the platform namespace first). */
  public get namespaces(): string[] {
    return [...this.managedNamespaces];
  }

  /**
   * Makes the operator manage `namespace` too (the values are rendered at synthesis).
   * @internal
   */
  public _manageNamespace(namespace: string): void {
    if (!this.managedNamespaces.includes(namespace)) this.managedNamespaces.push(namespace);
  }
}

/**
 * Values of the eck-operator chart: the listed namespaces only (the array is read at synthesis),
 * Pod Security "restricted", no telemetry, no ServiceMonitor (the Prometheus CRDs may be absent).
 * @internal
 */
export function eckOperatorValues(namespaces: string[], resources: ResourceRequirements, labels: Record<string, string>): Record<string, any> {
  return {
    managedNamespaces: namespaces,
    createClusterScopedResources: true,
    installCRDs: true,
    resources: toK8sResources(resources),
    podLabels: labels,
    podSecurityContext: RESTRICTED_POD_SECURITY_CONTEXT,
    securityContext: RESTRICTED_CONTAINER_SECURITY_CONTEXT,
    webhook: { enabled: true, port: ECK_WEBHOOK_PORT },
    telemetry: { disabled: true },
    serviceMonitor: { enabled: false },
  };
}
