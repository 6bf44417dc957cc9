import { Release } from '@cdktf/provider-helm/lib/release';
import { Construct } from 'constructs';
import { KubernetesPlatform } from './kubernetes-platform';
import { ChartPin } from './versions';
import { ITerraformDependable, Lazy } from '../../core/cdktf';

/** Seconds Helm waits for a release's resources to become ready. */
export const DEFAULT_HELM_TIMEOUT_SECONDS = 900;

/** Props of {@link HelmChart}. */
export interface HelmChartProps {
  /** Release name. */
  readonly releaseName: string;
  /** The pinned chart. */
  readonly chart: ChartPin;
  /**
   * Chart values (serialized as one JSON document; JSON is YAML).
   * @default {}
   */
  readonly values?: Record<string, any>;
  /**
   * Resources to create first.
   * @default - the platform baseline (namespace and default-deny policy)
   */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * A pinned Helm release in the platform's namespace: atomic, waits for readiness, cleans up on
 * failure. Values are kept as an object (`values`) so tests and schema checks read what is deployed.
 */
export class HelmChart extends Construct {
  /** The helm_release resource. */
  public readonly release: Release;
  /** The values passed to the chart. */
  public readonly values: Record<string, any>;

  constructor(scope: Construct, id: string, props: HelmChartProps) {
    super(scope, id);
    const platform = KubernetesPlatform.ofKubernetes(this);
    this.values = props.values ?? {};
    this.release = new Release(this, 'Release', {
      name: props.releaseName,
      namespace: platform.namespace,
      repository: props.chart.repository,
      chart: props.chart.chart,
      version: props.chart.version,
      values: [Lazy.stringValue({ produce: () => JSON.stringify(this.values) })],
      atomic: true,
      cleanupOnFail: true,
      wait: true,
      timeout: DEFAULT_HELM_TIMEOUT_SECONDS,
      dependsOn: [...platform.baseline, ...(props.dependsOn ?? [])],
    });
  }
}
