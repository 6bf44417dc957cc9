import { Release } from '@cdktf/provider-helm/lib/release';
import { Construct, IConstruct } from 'constructs';
import { TerraformStack } from '../../../../core/cdktf';
import { HelmChart } from '../../../../platform/k8s/helm-chart';
import { KubernetesPlatform } from '../../../../platform/k8s/kubernetes-platform';
import { KUBERNETES_API_PEER, KUBERNETES_API_PORTS } from '../../../../platform/k8s/network';
import { RESTRICTED_POD_SECURITY_CONTEXT } from '../../../../platform/k8s/pod-security';
import { ResourceRequirements, toK8sResources } from '../../../../platform/k8s/resources';
import { MONGODB_KUBERNETES_CHART, MONGODB_OPERATOR_RUN_AS_USER } from '../../../../platform/k8s/source-versions';

/** CPU and memory of the MongoDB operator. */
export const DEFAULT_MONGODB_OPERATOR_RESOURCES: ResourceRequirements = { cpuRequest: '200m', memoryRequest: '256Mi', cpuLimit: '1', memoryLimit: '1Gi' };
/** Port of the operator's admission webhook (its MDB_WEBHOOK_PORT default). */
export const MONGODB_OPERATOR_WEBHOOK_PORT = 1993;
/** Name of the operator's Deployment and pods (the chart's `operator.name`). */
export const MONGODB_OPERATOR_NAME = 'mongodb-kubernetes-operator';
/** Pod labels of the MongoDB operator (set by its chart). */
export const MONGODB_OPERATOR_POD_LABELS: Record<string, string> = { 'app.kubernetes.io/name': MONGODB_OPERATOR_NAME };

const OPERATOR = Symbol.for('cdktf-data-pipelines.mongodb-operator');

/**
 * Values of the `mongodb-kubernetes` chart: the operator watches MongoDBCommunity only, in the
 * release namespace (the chart's default `WATCH_NAMESPACE`), without the cluster-wide
 * ClusterMongoDBRole watch, with telemetry off (the namespace's default-deny egress would block it)
 * and Pod Security "restricted" contexts.
 * @internal
 */
export function mongoOperatorValues(resources: ResourceRequirements): Record<string, any> {
  return {
    operator: {
      watchedResources: ['mongodbcommunity'],
      enableClusterMongoDBRoles: false,
      telemetry: { enabled: false },
      // The chart's template reads all four values (without a CPU limit here, its default stays).
      resources: toK8sResources(resources),
      podSecurityContext: { ...RESTRICTED_POD_SECURITY_CONTEXT, runAsUser: MONGODB_OPERATOR_RUN_AS_USER },
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } },
    },
  };
}

/**
 * The stack's MongoDB operator (MongoDB Controllers for Kubernetes): one release per stack, shared
 * by every MongoSourceDatabase. Its chart installs the MongoDBCommunity CRD and the
 * `mongodb-kubernetes-appdb` service account the replica set pods run as.
 * @internal
 */
export class MongoOperator extends Construct {
  /** The stack's operator, installed on first use. */
  public static of(scope: IConstruct): MongoOperator {
    const stack = TerraformStack.of(scope);
    return ((stack as any)[OPERATOR] as MongoOperator | undefined) ?? new MongoOperator(stack, 'MongoDbOperator');
  }

  /** The operator's helm_release (MongoDBCommunity resources are applied after it). */
  public readonly release: Release;
  /** The chart values. */
  public readonly values: Record<string, any>;

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    Object.defineProperty(TerraformStack.of(this), OPERATOR, { value: this, enumerable: false });
    const platform = KubernetesPlatform.ofKubernetes(this);
    const chart = new HelmChart(this, 'Chart', {
      releaseName: `${platform.namePrefix}-mongodb-operator`,
      chart: MONGODB_KUBERNETES_CHART,
      values: mongoOperatorValues(DEFAULT_MONGODB_OPERATOR_RESOURCES),
    });
    this.release = chart.release;
    this.values = chart.values;
    platform.allowTraffic(this, 'allow-mongodb-operator', {
      podLabels: MONGODB_OPERATOR_POD_LABELS,
      ingress: [{ peers: [KUBERNETES_API_PEER], ports: [{ port: MONGODB_OPERATOR_WEBHOOK_PORT }] }],
      egress: [{ peers: [KUBERNETES_API_PEER], ports: KUBERNETES_API_PORTS }],
    });
  }
}
