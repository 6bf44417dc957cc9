import { IConstruct } from 'constructs';
import { invalidConfig, invalidProp } from '../../../../core/errors';
import { integerInRange, isUnresolved } from '../../../../core/validate';
import {
  DEFAULT_DMS_ALLOCATED_STORAGE_GIB, DEFAULT_DMS_INSTANCE_CLASS, DEFAULT_DMS_MAX_CAPACITY_UNITS, DEFAULT_DMS_MIN_CAPACITY_UNITS, DEFAULT_DMS_MULTI_AZ,
  DMS_CAPACITY_UNITS, DMS_INSTANCE_CLASSES, DmsCapacity, DmsCapacityKind, MAX_DMS_ALLOCATED_STORAGE_GIB, MIN_DMS_ALLOCATED_STORAGE_GIB,
} from '../dms-capacity';

/** A replication instance's settings, checked. @internal */
export interface InstanceCapacity {
  readonly kind: DmsCapacityKind.INSTANCE;
  readonly instanceClass: string;
  readonly allocatedStorageGiB: number;
  readonly multiAz: boolean;
}

/** A serverless replication's settings, checked. @internal */
export interface ServerlessCapacity {
  readonly kind: DmsCapacityKind.SERVERLESS;
  readonly minCapacityUnits: number;
  readonly maxCapacityUnits: number;
  readonly multiAz: boolean;
}

/** @internal */
export type CheckedCapacity = InstanceCapacity | ServerlessCapacity;

function capacityUnits(scope: IConstruct, prop: string, value: number): number {
  if (!isUnresolved(value) && !DMS_CAPACITY_UNITS.includes(value)) {
    throw invalidProp(scope, prop, value, `use a DCU value DMS Serverless accepts: ${DMS_CAPACITY_UNITS.join(', ')}`);
  }
  return value;
}

/**
 * Checks a DmsCapacity with the defaults applied; errors name `scope` and `capacity.<option>`.
 * @internal
 */
export function checkCapacity(scope: IConstruct, capacity: DmsCapacity): CheckedCapacity {
  if (capacity.kind === DmsCapacityKind.SERVERLESS) {
    const options = capacity.serverlessOptions ?? {};
    const min = capacityUnits(scope, 'capacity.minCapacityUnits', options.minCapacityUnits ?? DEFAULT_DMS_MIN_CAPACITY_UNITS);
    const max = capacityUnits(scope, 'capacity.maxCapacityUnits', options.maxCapacityUnits ?? DEFAULT_DMS_MAX_CAPACITY_UNITS);
    if (!isUnresolved(min) && !isUnresolved(max) && min > max) {
      throw invalidConfig(scope, `capacity.minCapacityUnits (${min}) is more than capacity.maxCapacityUnits (${max}); lower the minimum or raise the maximum.`);
    }
    return { kind: DmsCapacityKind.SERVERLESS, minCapacityUnits: min, maxCapacityUnits: max, multiAz: options.multiAz ?? DEFAULT_DMS_MULTI_AZ };
  }
  const options = capacity.instanceOptions ?? {};
  const instanceClass = options.instanceClass ?? DEFAULT_DMS_INSTANCE_CLASS;
  if (!isUnresolved(instanceClass) && !DMS_INSTANCE_CLASSES.includes(instanceClass)) {
    throw invalidProp(scope, 'capacity.instanceClass', instanceClass,
      `use a current replication instance class of the t3, c5, r5, c6i or r6i family, such as "${DEFAULT_DMS_INSTANCE_CLASS}" (DMS_INSTANCE_CLASSES lists them)`);
  }
  const storage = integerInRange(scope, 'capacity.allocatedStorageGiB', options.allocatedStorageGiB,
    MIN_DMS_ALLOCATED_STORAGE_GIB, MAX_DMS_ALLOCATED_STORAGE_GIB, DEFAULT_DMS_ALLOCATED_STORAGE_GIB);
  return { kind: DmsCapacityKind.INSTANCE, instanceClass, allocatedStorageGiB: storage, multiAz: options.multiAz ?? DEFAULT_DMS_MULTI_AZ };
}
