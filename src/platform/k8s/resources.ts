/** CPU and memory requests/limits of one workload (Kubernetes quantities such as "500m", "2Gi"). */
export interface ResourceRequirements {
  /** CPU request. */
  readonly cpuRequest: string;
  /** Memory request. */
  readonly memoryRequest: string;
  /**
   * CPU limit.
   * @default - no CPU limit (throttling hurts latency; memory is the limit that protects the node)
   */
  readonly cpuLimit?: string;
  /** Memory limit. */
  readonly memoryLimit: string;
}

const QUANTITY = /^(\d+(\.\d+)?)(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/;

/** True for a Kubernetes resource quantity such as "250m", "1", "512Mi". @internal */
export function isQuantity(value: string): boolean {
  return QUANTITY.test(value);
}

/** The `resources` object of a container spec. @internal */
export function toK8sResources(r: ResourceRequirements): Record<string, Record<string, string>> {
  return {
    requests: { cpu: r.cpuRequest, memory: r.memoryRequest },
    limits: { memory: r.memoryLimit, ...(r.cpuLimit ? { cpu: r.cpuLimit } : {}) },
  };
}
