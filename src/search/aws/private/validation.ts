import { IConstruct } from 'constructs';
import { invalidConfig, invalidProp } from '../../../core/errors';
import { NameRule } from '../../../core/naming';
import { integerInRange, isUnresolved } from '../../../core/validate';
import {
  ALLOWED_AVAILABILITY_ZONE_COUNTS, ALLOWED_DEDICATED_MASTER_COUNTS, AUTO_TUNE_UNSUPPORTED_FAMILIES, DEFAULT_AVAILABILITY_ZONE_COUNT,
  DEFAULT_DATA_INSTANCE_COUNT, DEFAULT_DATA_INSTANCE_TYPE, DEFAULT_DEDICATED_MASTER_COUNT, DEFAULT_DEDICATED_MASTER_TYPE,
  DEFAULT_OPENSEARCH_ENGINE_VERSION, DEFAULT_VOLUME_SIZE_GIB, MAX_DATA_INSTANCE_COUNT, MAX_VOLUME_SIZE_GIB, MIN_VOLUME_SIZE_GIB,
  OpenSearchSearchClusterProps,
} from '../opensearch-search-cluster-props';

/** OpenSearch Service domain names. @internal */
export const OPENSEARCH_DOMAIN_RULE: NameRule = {
  kind: 'OpenSearch domain name',
  minLength: 3,
  maxLength: 28,
  pattern: '^[a-z][a-z0-9-]*$',
  allowed: 'lowercase letters, digits and hyphens, starting with a letter',
};

/** Index names (and prefixes): Firehose accepts up to 80 characters. @internal */
const INDEX_NAME = /^[a-z0-9][a-z0-9_-]{0,79}$/;
const INSTANCE_TYPE = /^[a-z0-9]+\.[a-z0-9]+\.search$/;
const ENGINE_VERSION = /^OpenSearch_\d+\.\d+$/;

/**
 * Checks an index name (or rotated index prefix).
 * @internal
 */
export function checkIndexName(scope: IConstruct, prop: string, index: string): string {
  if (isUnresolved(index)) return index;
  if (typeof index !== 'string' || !INDEX_NAME.test(index)) {
    throw invalidProp(scope, prop, index, 'use 1 to 80 lowercase letters, digits, "-" and "_", starting with a letter or digit');
  }
  return index;
}

/** A destination name derived from an index name ("click_events" -> "click-events"). @internal */
export function destinationNameOf(index: string): string {
  return index.replace(/_/g, '-').slice(0, 31).replace(/-+$/, '');
}

/** The validated sizing of a domain. @internal */
export interface DomainSizing {
  readonly engineVersion: string;
  readonly instanceType: string;
  readonly instanceCount: number;
  readonly availabilityZoneCount: number;
  readonly dedicatedMasterType?: string;
  readonly dedicatedMasterCount: number;
  readonly volumeSizeGiB: number;
  readonly autoTune: boolean;
}

function checkInstanceType(scope: IConstruct, prop: string, value: string): string {
  if (!isUnresolved(value) && !INSTANCE_TYPE.test(value)) {
    throw invalidProp(scope, prop, value, 'use an OpenSearch instance type such as "r7g.large.search"');
  }
  return value;
}

/**
 * Validates the sizing props against each other and the private subnets available.
 * @internal
 */
export function domainSizing(scope: IConstruct, props: OpenSearchSearchClusterProps, subnetCount: number): DomainSizing {
  const engineVersion = props.engineVersion ?? DEFAULT_OPENSEARCH_ENGINE_VERSION;
  if (!isUnresolved(engineVersion) && !ENGINE_VERSION.test(engineVersion)) {
    throw invalidProp(scope, 'engineVersion', engineVersion, 'use an OpenSearch engine version such as "OpenSearch_2.19"');
  }
  const instanceType = checkInstanceType(scope, 'instanceType', props.instanceType ?? DEFAULT_DATA_INSTANCE_TYPE);
  const instanceCount = integerInRange(scope, 'instanceCount', props.instanceCount, 1, MAX_DATA_INSTANCE_COUNT, DEFAULT_DATA_INSTANCE_COUNT);
  const zones = props.availabilityZoneCount ?? DEFAULT_AVAILABILITY_ZONE_COUNT;
  if (!ALLOWED_AVAILABILITY_ZONE_COUNTS.includes(zones)) {
    throw invalidProp(scope, 'availabilityZoneCount', zones, 'use 1 (no zone awareness), 2 or 3');
  }
  if (!isUnresolved(instanceCount) && instanceCount % zones !== 0) {
    throw invalidConfig(scope, `instanceCount (${instanceCount}) must be a multiple of availabilityZoneCount (${zones}): zone awareness places the same number of data nodes in each zone.`);
  }
  if (subnetCount < zones) {
    throw invalidConfig(scope, `availabilityZoneCount (${zones}) needs a private subnet in each zone, but the platform's network has ${subnetCount}.`);
  }
  const masters = props.dedicatedMasters;
  const dedicatedMasterCount = masters ? masters.count ?? DEFAULT_DEDICATED_MASTER_COUNT : 0;
  if (masters && !ALLOWED_DEDICATED_MASTER_COUNTS.includes(dedicatedMasterCount)) {
    throw invalidProp(scope, 'dedicatedMasters.count', dedicatedMasterCount, 'use 3 or 5 (an odd quorum that survives the loss of a node)');
  }
  const dedicatedMasterType = masters ? checkInstanceType(scope, 'dedicatedMasters.instanceType', masters.instanceType ?? DEFAULT_DEDICATED_MASTER_TYPE) : undefined;
  const volumeSizeGiB = integerInRange(scope, 'volumeSizeGiB', props.volumeSizeGiB, MIN_VOLUME_SIZE_GIB, MAX_VOLUME_SIZE_GIB, DEFAULT_VOLUME_SIZE_GIB);
  const family = instanceType.split('.')[0];
  const supportsAutoTune = !AUTO_TUNE_UNSUPPORTED_FAMILIES.includes(family);
  if (props.autoTune === true && !supportsAutoTune) {
    throw invalidProp(scope, 'autoTune', true, `${family} instances do not support Auto-Tune; leave it unset or use another instance type`);
  }
  return {
    engineVersion,
    instanceType,
    instanceCount,
    availabilityZoneCount: zones,
    dedicatedMasterType,
    dedicatedMasterCount,
    volumeSizeGiB,
    autoTune: props.autoTune ?? supportsAutoTune,
  };
}
