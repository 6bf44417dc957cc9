import { Construct, IConstruct } from 'constructs';
import { AlarmBackend, AlarmDescription, AlarmOverride, IObservabilityStack } from './alarm-contract';
import { PipelinePlatform, PlatformKind } from '../platform/platform';
import { CloudWatchObservability } from './aws/cloudwatch-observability';
import { CloudWatchObservabilityOptions } from './aws/cloudwatch-observability-props';
import { PrometheusObservability } from './k8s/prometheus-observability';
import { PrometheusObservabilityOptions } from './k8s/prometheus-observability-props';
import { ObservabilityCommonProps } from './observability-props';

/** Props of {@link ObservabilityStack}: backend-neutral, plus options per backend. */
export interface ObservabilityStackProps extends ObservabilityCommonProps {
  /**
   * Options used when the stack's platform is AWS.
   * @default - a new KMS-encrypted alarm topic without subscriptions, no Managed Prometheus
   */
  readonly aws?: CloudWatchObservabilityOptions;
  /**
   * Options used when the stack's platform is Kubernetes.
   * @default - the PrometheusObservabilityOptions defaults (kube-prometheus-stack installed by this stack)
   */
  readonly kubernetes?: PrometheusObservabilityOptions;
}

/**
 * Alarms, dashboards, metrics and logs for every pipeline construct in the stack, on whatever
 * platform the stack has: CloudWatch alarms + dashboard + SNS on AWS, kube-prometheus-stack rules +
 * monitors + Grafana dashboards + Alertmanager on Kubernetes. Add it once per stack; it finds the
 * pipeline constructs itself (before or after it in the code), and `alarms()` lists what it creates.
 */
export class ObservabilityStack extends Construct implements IObservabilityStack {
  /** The platform-specific implementation (CloudWatchObservability or PrometheusObservability). */
  public readonly implementation: IObservabilityStack;

  constructor(scope: Construct, id: string, props: ObservabilityStackProps = {}) {
    super(scope, id);
    const common: ObservabilityCommonProps = {
      autoDiscover: props.autoDiscover,
      alarmOverrides: props.alarmOverrides,
      searchCluster: props.searchCluster,
    };
    this.implementation = PipelinePlatform.of(this).kind === PlatformKind.AWS
      ? new CloudWatchObservability(this, 'CloudWatch', { ...common, ...props.aws })
      : new PrometheusObservability(this, 'Prometheus', { ...common, ...props.kubernetes });
  }

  public get backend(): AlarmBackend { return this.implementation.backend; }
  public alarms(): AlarmDescription[] { return this.implementation.alarms(); }
  public monitor(scope: IConstruct): void { this.implementation.monitor(scope); }
  public overrideAlarm(override: AlarmOverride): void { this.implementation.overrideAlarm(override); }
}
