import { IConstruct } from 'constructs';
import { invalidConfig, invalidProp } from '../../../core/errors';
import { isUnresolved } from '../../../core/validate';
import {
  DEFAULT_NODE_TYPE, DEFAULT_NUMBER_OF_NODES, DEFAULT_SERVERLESS_BASE_CAPACITY_RPUS, MAX_SERVERLESS_BASE_CAPACITY_RPUS,
  MAX_SERVERLESS_MAX_CAPACITY_RPUS, MIN_SERVERLESS_CAPACITY_RPUS, NODE_COUNT_RANGES, RedshiftDeployment, RedshiftDeploymentKind,
  RedshiftNodeType, SERVERLESS_CAPACITY_STEP_RPUS,
} from '../redshift-deployment';

/** A serverless deployment after validation. @internal */
export interface ServerlessSizing {
  readonly baseCapacityRpus: number;
  readonly maxCapacityRpus?: number;
}

/** A provisioned deployment after validation. @internal */
export interface ProvisionedSizing {
  readonly nodeType: RedshiftNodeType;
  readonly numberOfNodes: number;
}

function rpus(scope: IConstruct, prop: string, value: number | undefined, max: number, defaultValue?: number): number | undefined {
  if (value === undefined) return defaultValue;
  if (isUnresolved(value)) return value;
  if (!Number.isInteger(value) || value < MIN_SERVERLESS_CAPACITY_RPUS || value > max || value % SERVERLESS_CAPACITY_STEP_RPUS !== 0) {
    throw invalidProp(scope, prop, value, `use a multiple of ${SERVERLESS_CAPACITY_STEP_RPUS} from ${MIN_SERVERLESS_CAPACITY_RPUS} to ${max} RPUs`);
  }
  return value;
}

/** Validates a serverless deployment: RPUs in steps of 8, the ceiling at or above the base. @internal */
export function serverlessSizing(scope: IConstruct, deployment: RedshiftDeployment): ServerlessSizing {
  const options = deployment.serverlessOptions ?? {};
  const base = rpus(scope, 'deployment.baseCapacityRpus', options.baseCapacityRpus, MAX_SERVERLESS_BASE_CAPACITY_RPUS, DEFAULT_SERVERLESS_BASE_CAPACITY_RPUS)!;
  const max = rpus(scope, 'deployment.maxCapacityRpus', options.maxCapacityRpus, MAX_SERVERLESS_MAX_CAPACITY_RPUS);
  if (max !== undefined && !isUnresolved(max) && !isUnresolved(base) && max < base) {
    throw invalidConfig(scope, `deployment.maxCapacityRpus (${max}) is below deployment.baseCapacityRpus (${base}); set the maximum at or above the base capacity.`);
  }
  return { baseCapacityRpus: base, maxCapacityRpus: max };
}

/** Validates a provisioned deployment: an RA3 node type and a node count its cluster type allows. @internal */
export function provisionedSizing(scope: IConstruct, deployment: RedshiftDeployment): ProvisionedSizing {
  const options = deployment.provisionedOptions ?? {};
  const nodeType = options.nodeType ?? DEFAULT_NODE_TYPE;
  const range = NODE_COUNT_RANGES[nodeType];
  if (!range) {
    throw invalidProp(scope, 'deployment.nodeType', nodeType, `use one of ${Object.values(RedshiftNodeType).join(', ')}`);
  }
  const nodes = options.numberOfNodes ?? DEFAULT_NUMBER_OF_NODES;
  if (isUnresolved(nodes)) return { nodeType, numberOfNodes: nodes };
  const allowed = Number.isInteger(nodes) && ((nodes === 1 && range.singleNode) || (nodes >= 2 && nodes <= range.maxNodes));
  if (!allowed) {
    const counts = range.singleNode ? `1 node (single-node) or 2 to ${range.maxNodes} nodes` : `2 to ${range.maxNodes} nodes (single-node clusters exist only for ${
      Object.values(RedshiftNodeType).filter((t) => NODE_COUNT_RANGES[t].singleNode).join(' and ')})`;
    throw invalidProp(scope, 'deployment.numberOfNodes', nodes, `${nodeType} clusters have ${counts}`);
  }
  return { nodeType, numberOfNodes: nodes };
}

/** The kind of a deployment, rejecting values that did not come from RedshiftDeployment. @internal */
export function deploymentKind(scope: IConstruct, deployment: RedshiftDeployment): RedshiftDeploymentKind {
  if (!Object.values(RedshiftDeploymentKind).includes(deployment?.kind)) {
    throw invalidProp(scope, 'deployment', deployment?.kind, 'use RedshiftDeployment.serverless(...) or RedshiftDeployment.provisioned(...)');
  }
  return deployment.kind;
}
