import { Construct, IConstruct } from 'constructs';
import {
  ANY_KAFKA_POD_LABELS, KAFKA_AGENT_PORT, KAFKA_CONTROL_PLANE_PORT, KAFKA_REPLICATION_PORT, OPERATOR_POD_LABELS,
} from './strimzi-constants';
import { TerraformStack } from '../../core/cdktf';
import { invalidConfig } from '../../core/errors';
import { HelmChart } from '../../platform/k8s/helm-chart';
import { KubernetesPlatform } from '../../platform/k8s/kubernetes-platform';
import { KUBERNETES_API_PEER, KUBERNETES_API_PORTS } from '../../platform/k8s/network';
import { RESTRICTED_CONTAINER_SECURITY_CONTEXT, RESTRICTED_POD_SECURITY_CONTEXT } from '../../platform/k8s/pod-security';
import { checkResources, ResourceRequirements, toK8sResources } from '../../platform/k8s/resources';
import { STRIMZI_CHART } from '../../platform/k8s/versions';

/** CPU and memory of the Strimzi cluster operator (the chart's own defaults, made explicit). */
export const DEFAULT_STRIMZI_OPERATOR_RESOURCES: ResourceRequirements = {
  cpuRequest: '200m',
  memoryRequest: '384Mi',
  cpuLimit: '1000m',
  memoryLimit: '384Mi',
};

/**
 * Strimzi's pod security provider that makes every operand (Kafka, entity operator, Connect...)
 * comply with Pod Security "restricted".
 */
export const STRIMZI_POD_SECURITY_PROVIDER = 'restricted';

/** Props of {@link StrimziOperator}. */
export interface StrimziOperatorProps {
  /**
   * CPU and memory of the operator.
   * @default DEFAULT_STRIMZI_OPERATOR_RESOURCES
   */
  readonly resources?: ResourceRequirements;
}

const OPERATOR = Symbol.for('cdktf-data-pipelines.strimzi-operator');

/**
 * The Strimzi cluster operator (pinned Helm chart) in the platform namespace, watching only that
 * namespace. Its operands are Pod-Security-"restricted" compliant. One per stack: use
 * `StrimziOperator.of(scope)`.
 */
export class StrimziOperator extends Construct {
  /** The stack's operator, created with default props on first use. */
  public static of(scope: IConstruct): StrimziOperator {
    const stack = TerraformStack.of(scope);
    return ((stack as any)[OPERATOR] as StrimziOperator | undefined) ?? new StrimziOperator(stack, 'StrimziOperator');
  }

  /** The Helm release of the operator chart (custom resources must be applied after it). */
  public readonly chart: HelmChart;

  constructor(scope: Construct, id: string, props: StrimziOperatorProps = {}) {
    super(scope, id);
    const stack = TerraformStack.of(this);
    const existing = (stack as any)[OPERATOR] as StrimziOperator | undefined;
    if (existing) {
      throw invalidConfig(this, `stack "${stack.node.id}" already has a Strimzi operator at ${existing.node.path}; use StrimziOperator.of(scope).`);
    }
    Object.defineProperty(stack, OPERATOR, { value: this, enumerable: false });
    const platform = KubernetesPlatform.ofKubernetes(this);
    const resources = checkResources(this, 'resources', props.resources ?? DEFAULT_STRIMZI_OPERATOR_RESOURCES);

    this.chart = new HelmChart(this, 'Chart', {
      releaseName: `${platform.namePrefix}-strimzi`,
      chart: STRIMZI_CHART,
      values: {
        // Empty = the release namespace only (listing it explicitly makes the chart create duplicate RoleBindings).
        watchNamespaces: [],
        watchAnyNamespace: false,
        resources: toK8sResources(resources),
        podSecurityContext: RESTRICTED_POD_SECURITY_CONTEXT,
        securityContext: RESTRICTED_CONTAINER_SECURITY_CONTEXT,
        extraEnvs: [{ name: 'STRIMZI_POD_SECURITY_PROVIDER_CLASS', value: STRIMZI_POD_SECURITY_PROVIDER }],
        labels: platform.labels('strimzi-operator'),
        // Strimzi adds ingress policies for its operands; the egress allows are declared below.
        generateNetworkPolicy: true,
        operatorNetworkPolicy: { enabled: false },
      },
    });

    platform.allowTraffic(this, 'allow-strimzi-operator', {
      podLabels: OPERATOR_POD_LABELS,
      egress: [
        { peers: [KUBERNETES_API_PEER], ports: KUBERNETES_API_PORTS },
        {
          peers: [{ podLabels: ANY_KAFKA_POD_LABELS }],
          ports: [{ port: KAFKA_CONTROL_PLANE_PORT }, { port: KAFKA_REPLICATION_PORT }, { port: KAFKA_AGENT_PORT }],
        },
      ],
    });
  }
}
