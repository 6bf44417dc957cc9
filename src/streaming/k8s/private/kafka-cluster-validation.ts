import { IConstruct } from 'constructs';
import { invalidProp } from '../../../core/errors';
import { integerInRange, isUnresolved } from '../../../core/validate';
import { isQuantity, ResourceRequirements } from '../../../platform/k8s/resources';
import {
  KafkaAuthentication, KafkaClusterOptions, KAFKA_MIN_INSYNC_REPLICAS, KAFKA_REPLICATION_FACTOR, MAX_KAFKA_BROKERS,
  MAX_KAFKA_CONTROLLERS, MAX_KAFKA_STORAGE_SIZE_GIB, MIN_KAFKA_BROKERS, MIN_KAFKA_CONTROLLERS, ResolvedKafkaClusterOptions,
  withKafkaClusterDefaults,
} from '../kafka-cluster-options';

const KAFKA_VERSION_PATTERN = /^\d+\.\d+\.\d+$/;
const STORAGE_CLASS_PATTERN = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

function checkResources(scope: IConstruct, prop: string, resources: ResourceRequirements): void {
  for (const key of ['cpuRequest', 'memoryRequest', 'cpuLimit', 'memoryLimit'] as const) {
    const value = resources[key];
    if (value === undefined && key === 'cpuLimit') continue;
    if (typeof value !== 'string' || (!isUnresolved(value) && !isQuantity(value))) {
      throw invalidProp(scope, `${prop}.${key}`, value, 'use a Kubernetes quantity such as "500m" or "2Gi"');
    }
  }
}

/**
 * Validates Kafka cluster options and applies the defaults. `prefix` names the props in messages
 * (for example "cluster." when they come from a StreamingIngest).
 * @internal
 */
export function resolveKafkaClusterOptions(
  scope: IConstruct, options: KafkaClusterOptions, prefix: string, platformStorageClass?: string,
): ResolvedKafkaClusterOptions {
  const resolved = withKafkaClusterDefaults(options, platformStorageClass);
  const brokers = resolved.brokers;
  if (!isUnresolved(brokers) && (!Number.isInteger(brokers) || brokers < MIN_KAFKA_BROKERS || brokers > MAX_KAFKA_BROKERS)) {
    throw invalidProp(
      scope,
      `${prefix}brokers`,
      brokers,
      `must be an integer from ${MIN_KAFKA_BROKERS} to ${MAX_KAFKA_BROKERS}: topics keep ${KAFKA_REPLICATION_FACTOR} replicas with min.insync.replicas ${KAFKA_MIN_INSYNC_REPLICAS}, which fewer than ${MIN_KAFKA_BROKERS} brokers cannot hold`,
    );
  }
  const controllers = resolved.controllers;
  if (!isUnresolved(controllers)
    && (!Number.isInteger(controllers) || controllers % 2 === 0 || controllers < MIN_KAFKA_CONTROLLERS || controllers > MAX_KAFKA_CONTROLLERS)) {
    throw invalidProp(
      scope,
      `${prefix}controllers`,
      controllers,
      `must be an odd integer from ${MIN_KAFKA_CONTROLLERS} to ${MAX_KAFKA_CONTROLLERS} (a KRaft quorum of 3 survives one failure, 5 survive two)`,
    );
  }
  integerInRange(scope, `${prefix}brokerStorageSizeGiB`, resolved.brokerStorageSizeGiB, 1, MAX_KAFKA_STORAGE_SIZE_GIB, 0);
  integerInRange(scope, `${prefix}controllerStorageSizeGiB`, resolved.controllerStorageSizeGiB, 1, MAX_KAFKA_STORAGE_SIZE_GIB, 0);
  checkResources(scope, `${prefix}brokerResources`, resolved.brokerResources);
  checkResources(scope, `${prefix}controllerResources`, resolved.controllerResources);
  if (!isUnresolved(resolved.kafkaVersion) && !KAFKA_VERSION_PATTERN.test(resolved.kafkaVersion)) {
    throw invalidProp(scope, `${prefix}kafkaVersion`, resolved.kafkaVersion, 'use a Kafka version such as "4.3.1" that the pinned Strimzi operator supports');
  }
  if (!Object.values(KafkaAuthentication).includes(resolved.authentication)) {
    throw invalidProp(scope, `${prefix}authentication`, resolved.authentication, `use one of ${Object.values(KafkaAuthentication).join(', ')}`);
  }
  const storageClass = resolved.storageClassName;
  if (storageClass !== undefined && !isUnresolved(storageClass) && !STORAGE_CLASS_PATTERN.test(storageClass)) {
    throw invalidProp(scope, `${prefix}storageClassName`, storageClass, 'use a Kubernetes storage class name (lowercase letters, digits, "-" and ".")');
  }
  return resolved;
}

/**
 * How the options `requested` differ from those of an existing cluster, one phrase per option.
 * @internal
 */
export function kafkaClusterOptionDifferences(existing: ResolvedKafkaClusterOptions, requested: ResolvedKafkaClusterOptions): string[] {
  const keys = Object.keys({ ...existing, ...requested }) as (keyof ResolvedKafkaClusterOptions)[];
  const show = (v: unknown) => JSON.stringify(v) ?? 'undefined';
  return keys
    .filter((k) => show(existing[k]) !== show(requested[k]))
    .map((k) => `${k} is ${show(existing[k])} there (${show(requested[k])} here)`);
}
