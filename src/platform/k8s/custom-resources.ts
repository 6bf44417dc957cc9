import * as path from 'path';
import { Release } from '@cdktf/provider-helm/lib/release';
import { Construct } from 'constructs';
import { DEFAULT_HELM_TIMEOUT_SECONDS } from './helm-chart';
import { KubernetesPlatform } from './kubernetes-platform';
import { AssetType, ITerraformDependable, Lazy, TerraformAsset } from '../../core/cdktf';

/** Directory of the bundled chart that renders custom resources from its values. */
export const CUSTOM_RESOURCES_CHART_DIR = path.join(__dirname, '..', '..', '..', 'assets', 'charts', 'custom-resources');

/** A Kubernetes object (apiVersion, kind, metadata, spec...). */
export interface KubernetesObject {
  /** API version, for example `kafka.strimzi.io/v1`. */
  readonly apiVersion: string;
  /** Kind, for example `Kafka`. */
  readonly kind: string;
  /** Metadata (name, namespace, labels, annotations). */
  readonly metadata: Record<string, any>;
  /**
   * Spec.
   * @default - none
   */
  readonly spec?: Record<string, any>;
}

/** Props of {@link CustomResources}. */
export interface CustomResourcesProps {
  /** Helm release name. */
  readonly releaseName: string;
  /** Releases that install the CRDs and operators these resources need (applied first). */
  readonly dependsOn: ITerraformDependable[];
}

/**
 * Custom resources delivered through a Helm release of a bundled chart, ordered after the operator
 * release. `kubernetes_manifest` needs a CRD at plan time, so a stack that installs an operator and
 * declares its resources with it cannot plan against an empty cluster; this can, in one apply.
 */
export class CustomResources extends Construct {
  /** The helm_release. */
  public readonly release: Release;
  private readonly objects: Array<KubernetesObject | (() => KubernetesObject)> = [];

  constructor(scope: Construct, id: string, props: CustomResourcesProps) {
    super(scope, id);
    const platform = KubernetesPlatform.ofKubernetes(this);
    const chart = new TerraformAsset(this, 'Chart', { path: CUSTOM_RESOURCES_CHART_DIR, type: AssetType.DIRECTORY });
    this.release = new Release(this, 'Release', {
      name: props.releaseName,
      namespace: platform.namespace,
      chart: chart.path,
      values: [Lazy.stringValue({ produce: () => JSON.stringify({ resources: this.rendered() }) })],
      atomic: true,
      cleanupOnFail: true,
      wait: true,
      timeout: DEFAULT_HELM_TIMEOUT_SECONDS,
      dependsOn: [...platform.baseline, ...props.dependsOn],
    });
  }

  /** Adds an object; it is namespaced to the platform namespace when it has none. */
  public add(object: KubernetesObject): void {
    const platform = KubernetesPlatform.ofKubernetes(this);
    this.objects.push({ ...object, metadata: { namespace: platform.namespace, ...object.metadata } });
  }

  /**
   * Adds an object built when the release values are synthesized, so it can reflect calls made after
   * this one (for example grants); it is namespaced like {@link add}.
   * @internal
   */
  public _addLazy(produce: () => KubernetesObject): void {
    const platform = KubernetesPlatform.ofKubernetes(this);
    this.objects.push(() => {
      const object = produce();
      return { ...object, metadata: { namespace: platform.namespace, ...object.metadata } };
    });
  }

  /** The objects this release renders (copies). */
  public get resources(): KubernetesObject[] {
    return this.rendered().map((o) => ({ ...o }));
  }

  private rendered(): KubernetesObject[] {
    return this.objects.map((o) => (typeof o === 'function' ? o() : o));
  }
}
