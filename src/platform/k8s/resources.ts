import { IConstruct } from 'constructs';
import { invalidProp } from '../../core/errors';
import { isUnresolved } from '../../core/validate';

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

/**
 * Checks every quantity of a ResourceRequirements (tokens pass through); a bad one fails naming
 * `<prop>.<key>`, with `memoryExample` in the hint. Returns the requirements.
 * @internal
 */
export function checkResources(scope: IConstruct, prop: string, resources: ResourceRequirements, memoryExample = '512Mi'): ResourceRequirements {
  for (const [key, value] of Object.entries(resources)) {
    if (value !== undefined && !isUnresolved(value) && !isQuantity(value)) {
      throw invalidProp(scope, `${prop}.${key}`, value, `use a Kubernetes quantity such as "500m" or "${memoryExample}"`);
    }
  }
  return resources;
}

/** The `resources` object of a container spec. @internal */
export function toK8sResources(r: ResourceRequirements): Record<string, Record<string, string>> {
  return {
    requests: { cpu: r.cpuRequest, memory: r.memoryRequest },
    limits: { memory: r.memoryLimit, ...(r.cpuLimit ? { cpu: r.cpuLimit } : {}) },
  };
}
