import { Release } from '@cdktf/provider-helm/lib/release';
import { Construct } from 'constructs';
import { LakeNames, SPARK_WEBHOOK_PORT } from './lake-names';
import { TerraformStack } from '../../../core/cdktf';
import { CloudNativePgOperator } from '../../../platform/k8s/cloudnative-pg-operator';
import { DEFAULT_HELM_TIMEOUT_SECONDS, HelmChart } from '../../../platform/k8s/helm-chart';
import { KubernetesPlatform } from '../../../platform/k8s/kubernetes-platform';
import {
  SPARK_OPERATOR_CHART, STACKABLE_COMMONS_CHART, STACKABLE_HIVE_CHART, STACKABLE_LISTENER_CHART, STACKABLE_SECRET_CHART,
} from '../../../platform/k8s/lake-versions';
import { KUBERNETES_API_PEER, KUBERNETES_API_PORTS } from '../../../platform/k8s/network';
import { RESTRICTED_CONTAINER_SECURITY_CONTEXT, RESTRICTED_POD_SECURITY_CONTEXT } from '../../../platform/k8s/pod-security';
import { ResourceRequirements, toK8sResources } from '../../../platform/k8s/resources';
import { ChartPin } from '../../../platform/k8s/versions';

/** Suffix of the namespace of Stackable's CSI-driver operators (secret and listener), which run privileged node pods. */
export const STACKABLE_CSI_NAMESPACE_SUFFIX = 'stackable-csi';

/** The operators of the lake. @internal */
export interface LakeOperators {
  /** The stack's shared CloudNativePG operator. */
  readonly cloudnativePg: CloudNativePgOperator;
  readonly stackable: (HelmChart | Release)[];
  readonly sparkOperator: HelmChart;
}

function operatorValues(resources: ResourceRequirements): Record<string, any> {
  return {
    resources: toK8sResources(resources),
    podSecurityContext: RESTRICTED_POD_SECURITY_CONTEXT,
    securityContext: RESTRICTED_CONTAINER_SECURITY_CONTEXT,
  };
}

/** Values of the Spark operator chart: jobs in this namespace, a job ServiceAccount and Role. @internal */
export function sparkOperatorValues(namespace: string, resources: ResourceRequirements): Record<string, any> {
  const secured = operatorValues(resources);
  return {
    controller: secured,
    webhook: { ...secured, enable: true, port: SPARK_WEBHOOK_PORT },
    spark: { jobNamespaces: [namespace], serviceAccount: { create: true }, rbac: { create: true } },
  };
}

/**
 * The Terraform address of the CloudNativePG release the lake installed itself (construct
 * `<lake>/CloudNativePG/Release`) before it shared the stack's operator. Two empty constructs stand
 * at that path so the stack's own naming scheme gives the address.
 */
function legacyCloudnativePgAddress(scope: Construct): string {
  const legacy = new Construct(new Construct(scope, 'CloudNativePG'), 'Release');
  return `helm_release.${TerraformStack.of(scope).getLogicalId(legacy.node)}`;
}

/**
 * The stack's shared CloudNativePG operator (its state moved from the lake's former release), the
 * Stackable operators (commons and hive here; secret and listener, which are privileged CSI
 * drivers, in their own namespace) and the Spark operator.
 * @internal
 */
export function lakeOperators(scope: Construct, names: LakeNames, resources: ResourceRequirements): LakeOperators {
  const platform = KubernetesPlatform.ofKubernetes(scope);
  const cloudnativePg = CloudNativePgOperator.of(scope);
  cloudnativePg._movedFrom(legacyCloudnativePgAddress(scope));
  const csiNamespace = `${names.namespace}-${STACKABLE_CSI_NAMESPACE_SUFFIX}`;
  const csi = (id: string, chart: ChartPin) => new Release(scope, id, {
    name: `${names.prefix}-${chart.chart}`,
    namespace: csiNamespace,
    createNamespace: true,
    repository: chart.repository,
    chart: chart.chart,
    version: chart.version,
    values: [JSON.stringify({ resources: toK8sResources(resources) })],
    atomic: true,
    cleanupOnFail: true,
    wait: true,
    timeout: DEFAULT_HELM_TIMEOUT_SECONDS,
  });
  const stackable: (HelmChart | Release)[] = [
    csi('StackableSecretOperator', STACKABLE_SECRET_CHART),
    csi('StackableListenerOperator', STACKABLE_LISTENER_CHART),
  ];
  for (const [id, chart] of [['StackableCommonsOperator', STACKABLE_COMMONS_CHART], ['StackableHiveOperator', STACKABLE_HIVE_CHART]] as const) {
    stackable.push(new HelmChart(scope, id, { releaseName: `${names.prefix}-${chart.chart}`, chart, values: operatorValues(resources), dependsOn: stackable.slice(0, 2) as Release[] }));
  }
  const sparkOperator = new HelmChart(scope, 'SparkOperator', {
    releaseName: names.sparkRelease, chart: SPARK_OPERATOR_CHART, values: sparkOperatorValues(names.namespace, resources),
  });

  const api = { peers: [KUBERNETES_API_PEER], ports: KUBERNETES_API_PORTS };
  for (const chart of ['commons-operator', 'hive-operator']) {
    platform.allowTraffic(scope, `allow-lake-${chart}`, { podLabels: names.operatorPods(chart), egress: [api] });
  }
  platform.allowTraffic(scope, 'allow-lake-spark-operator', {
    podLabels: names.operatorPods('spark-operator'),
    ingress: [{ peers: [KUBERNETES_API_PEER], ports: [{ port: SPARK_WEBHOOK_PORT }] }],
    egress: [api],
  });
  platform.allowTraffic(scope, 'allow-lake-spark-jobs', { podLabels: names.sparkPods, egress: [api] });
  return { cloudnativePg, stackable, sparkOperator };
}
