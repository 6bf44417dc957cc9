import { Release } from '@cdktf/provider-helm/lib/release';
import { Construct, IConstruct } from 'constructs';
import { HelmChart } from './helm-chart';
import { KubernetesPlatform } from './kubernetes-platform';
import { CLOUDNATIVE_PG_CHART } from './lake-versions';
import { KUBERNETES_API_PEER, KUBERNETES_API_PORTS } from './network';
import { RESTRICTED_CONTAINER_SECURITY_CONTEXT, RESTRICTED_POD_SECURITY_CONTEXT } from './pod-security';
import { ResourceRequirements, toK8sResources } from './resources';
import { BARMAN_CLOUD_PLUGIN_CHART } from './warehouse-versions';
import { ITerraformDependable, TerraformStack } from '../../core/cdktf';
import { invalidConfig } from '../../core/errors';

/** CPU and memory of the CloudNativePG operator. */
export const DEFAULT_CLOUDNATIVE_PG_OPERATOR_RESOURCES: ResourceRequirements = { cpuRequest: '100m', memoryRequest: '256Mi', memoryLimit: '256Mi' };
/** CPU and memory of the Barman Cloud plugin's controller. */
export const DEFAULT_BARMAN_CLOUD_PLUGIN_RESOURCES: ResourceRequirements = { cpuRequest: '50m', memoryRequest: '128Mi', memoryLimit: '256Mi' };
/** Port of CloudNativePG's admission webhook. */
export const CLOUDNATIVE_PG_WEBHOOK_PORT = 9443;
/** gRPC port (mutual TLS) the operator calls the Barman Cloud plugin on. */
export const BARMAN_CLOUD_PLUGIN_PORT = 9090;
/** Pod labels of the CloudNativePG operator (set by its chart). */
export const CLOUDNATIVE_PG_OPERATOR_POD_LABELS: Record<string, string> = { 'app.kubernetes.io/name': 'cloudnative-pg' };
/** Pod labels of the Barman Cloud plugin's controller (set by its chart). */
export const BARMAN_CLOUD_PLUGIN_POD_LABELS: Record<string, string> = { 'app.kubernetes.io/name': 'plugin-barman-cloud' };

/** User and group the plugin's image runs as (its chart's default). */
const BARMAN_CLOUD_PLUGIN_RUN_AS = 10001;

const OPERATOR = Symbol.for('cdktf-data-pipelines.cloudnative-pg-operator');
const PLUGIN = Symbol.for('cdktf-data-pipelines.barman-cloud-plugin');

/** The chart allows no runAsNonRoot on the operator container (the pod context has it). */
const { runAsNonRoot: _unused, ...CNPG_CONTAINER_SECURITY } = RESTRICTED_CONTAINER_SECURITY_CONTEXT;

/** Values of the CloudNativePG operator chart: this namespace only, Pod Security "restricted". @internal */
export function cloudnativePgOperatorValues(resources: ResourceRequirements): Record<string, any> {
  return {
    config: { clusterWide: false },
    resources: toK8sResources(resources),
    podSecurityContext: RESTRICTED_POD_SECURITY_CONTEXT,
    containerSecurityContext: CNPG_CONTAINER_SECURITY,
  };
}

/** Values of the Barman Cloud plugin chart (its certificates come from cert-manager). @internal */
export function barmanCloudPluginValues(resources: ResourceRequirements): Record<string, any> {
  const { runAsNonRoot: _nonRoot, ...container } = RESTRICTED_CONTAINER_SECURITY_CONTEXT;
  return {
    resources: toK8sResources(resources),
    podSecurityContext: RESTRICTED_POD_SECURITY_CONTEXT,
    containerSecurityContext: { ...container, runAsUser: BARMAN_CLOUD_PLUGIN_RUN_AS, runAsGroup: BARMAN_CLOUD_PLUGIN_RUN_AS },
  };
}

/**
 * The stack's CloudNativePG operator: one release per stack, shared by every PostgreSQL cluster
 * (the lake's metastore database, the warehouses), whichever of them is created first.
 * `CloudNativePgOperator.of(scope)` returns it, installing it on first use.
 */
export class CloudNativePgOperator extends Construct {
  /** The stack's operator, installed on first use. */
  public static of(scope: IConstruct): CloudNativePgOperator {
    const stack = TerraformStack.of(scope);
    return ((stack as any)[OPERATOR] as CloudNativePgOperator | undefined) ?? new CloudNativePgOperator(stack, 'CloudNativePgOperator');
  }

  /** The operator's helm_release (custom resources are applied after it). */
  public readonly release: Release;
  private movedFrom?: string;

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    const stack = TerraformStack.of(this);
    Object.defineProperty(stack, OPERATOR, { value: this, enumerable: false });
    const platform = KubernetesPlatform.ofKubernetes(this);
    this.release = new HelmChart(this, 'Chart', {
      releaseName: `${platform.namePrefix}-cnpg`,
      chart: CLOUDNATIVE_PG_CHART,
      values: cloudnativePgOperatorValues(DEFAULT_CLOUDNATIVE_PG_OPERATOR_RESOURCES),
    }).release;
    platform.allowTraffic(this, 'allow-cnpg-operator', {
      podLabels: CLOUDNATIVE_PG_OPERATOR_POD_LABELS,
      ingress: [{ peers: [KUBERNETES_API_PEER], ports: [{ port: CLOUDNATIVE_PG_WEBHOOK_PORT }] }],
      egress: [{ peers: [KUBERNETES_API_PEER], ports: KUBERNETES_API_PORTS }],
    });
  }

  /**
   * Declares that the release was managed at the Terraform address `address` (for example
   * `helm_release.<id>` of an operator a construct installed itself before it used this helper):
   * a `moved` block keeps the Helm release instead of destroying and recreating it. The first call
   * wins; a `moved` whose source is not in the state does nothing.
   * @internal
   */
  public _movedFrom(address: string): void {
    if (this.movedFrom !== undefined) return;
    this.movedFrom = address;
    this.release.moveFromId(address);
  }
}

/**
 * The stack's Barman Cloud plugin (CNPG-I), installed in the operator's namespace as the plugin
 * requires, after the operator. Its chart issues the plugin's TLS certificates with cert-manager,
 * which must already run in the cluster. One per stack: `BarmanCloudPluginRelease.of(scope)`.
 */
export class BarmanCloudPluginRelease extends Construct {
  /** The stack's plugin release, installed on first use. */
  public static of(scope: IConstruct): BarmanCloudPluginRelease {
    const stack = TerraformStack.of(scope);
    return ((stack as any)[PLUGIN] as BarmanCloudPluginRelease | undefined) ?? new BarmanCloudPluginRelease(stack, 'BarmanCloudPlugin');
  }

  /** The plugin's helm_release (ObjectStores are applied after it: it installs their CRD). */
  public readonly release: Release;

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    const stack = TerraformStack.of(this);
    if ((stack as any)[PLUGIN]) throw invalidConfig(this, 'the stack already has a Barman Cloud plugin release.');
    Object.defineProperty(stack, PLUGIN, { value: this, enumerable: false });
    const platform = KubernetesPlatform.ofKubernetes(this);
    const operator = CloudNativePgOperator.of(this);
    this.release = new HelmChart(this, 'Chart', {
      releaseName: `${platform.namePrefix}-${BARMAN_CLOUD_PLUGIN_CHART.chart}`,
      chart: BARMAN_CLOUD_PLUGIN_CHART,
      values: barmanCloudPluginValues(DEFAULT_BARMAN_CLOUD_PLUGIN_RESOURCES),
      dependsOn: [operator.release as ITerraformDependable],
    }).release;
    platform.allowTraffic(this, 'allow-barman-cloud-plugin', {
      podLabels: BARMAN_CLOUD_PLUGIN_POD_LABELS,
      ingress: [{ peers: [{ podLabels: CLOUDNATIVE_PG_OPERATOR_POD_LABELS }], ports: [{ port: BARMAN_CLOUD_PLUGIN_PORT }] }],
      egress: [{ peers: [KUBERNETES_API_PEER], ports: KUBERNETES_API_PORTS }],
    });
    platform.allowTraffic(this, 'allow-cnpg-operator-to-barman-cloud', {
      podLabels: CLOUDNATIVE_PG_OPERATOR_POD_LABELS,
      egress: [{ peers: [{ podLabels: BARMAN_CLOUD_PLUGIN_POD_LABELS }], ports: [{ port: BARMAN_CLOUD_PLUGIN_PORT }] }],
    });
  }
}
