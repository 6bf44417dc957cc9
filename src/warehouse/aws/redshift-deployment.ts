/** How a RedshiftWarehouse runs: Redshift Serverless or a provisioned cluster. */
export enum RedshiftDeploymentKind {
  /** A Redshift Serverless namespace and workgroup, billed per RPU-second. */
  SERVERLESS = 'serverless',
  /** A provisioned Redshift cluster of RA3 nodes. */
  PROVISIONED = 'provisioned',
}

/** Base capacity of a serverless workgroup, RPUs (the smallest Redshift Serverless accepts). */
export const DEFAULT_SERVERLESS_BASE_CAPACITY_RPUS = 8;
/** Smallest base capacity, RPUs. */
export const MIN_SERVERLESS_CAPACITY_RPUS = 8;
/** Largest base capacity accepted, RPUs. */
export const MAX_SERVERLESS_BASE_CAPACITY_RPUS = 1024;
/** Largest max capacity Redshift Serverless accepts, RPUs. */
export const MAX_SERVERLESS_MAX_CAPACITY_RPUS = 5632;
/** Serverless capacities are set in steps of this many RPUs. */
export const SERVERLESS_CAPACITY_STEP_RPUS = 8;

/**
 * RA3 node types a provisioned warehouse may use: the node types AWS sells for new clusters
 * (RA3 with managed storage; DC2 is the previous generation and is not offered here).
 */
export enum RedshiftNodeType {
  /** 2 vCPU, 16 GiB: single-node or 2 to 16 nodes. */
  RA3_LARGE = 'ra3.large',
  /** 4 vCPU, 32 GiB: single-node or 2 to 16 nodes. */
  RA3_XLPLUS = 'ra3.xlplus',
  /** 12 vCPU, 96 GiB: 2 to 32 nodes. */
  RA3_4XLARGE = 'ra3.4xlarge',
  /** 48 vCPU, 384 GiB: 2 to 128 nodes. */
  RA3_16XLARGE = 'ra3.16xlarge',
}

/** Node type of a provisioned warehouse: the smallest current RA3 node. */
export const DEFAULT_NODE_TYPE = RedshiftNodeType.RA3_LARGE;
/** Nodes of a provisioned warehouse: two, so data is mirrored on another node. */
export const DEFAULT_NUMBER_OF_NODES = 2;

/** Node counts a new cluster of each node type may have (single-node is 1; multi-node from 2). */
export interface NodeCountRange {
  /** Whether a single-node cluster of this type can be created. */
  readonly singleNode: boolean;
  /** Largest multi-node cluster Redshift creates of this type. */
  readonly maxNodes: number;
}

/** Node count ranges per node type, for new clusters (elastic resize may go further later). */
export const NODE_COUNT_RANGES: Record<RedshiftNodeType, NodeCountRange> = {
  [RedshiftNodeType.RA3_LARGE]: { singleNode: true, maxNodes: 16 },
  [RedshiftNodeType.RA3_XLPLUS]: { singleNode: true, maxNodes: 16 },
  [RedshiftNodeType.RA3_4XLARGE]: { singleNode: false, maxNodes: 32 },
  [RedshiftNodeType.RA3_16XLARGE]: { singleNode: false, maxNodes: 128 },
};

/** Options of `RedshiftDeployment.serverless`. */
export interface ServerlessDeploymentOptions {
  /**
   * Capacity the workgroup starts queries with, RPUs (8 to 1024, a multiple of 8).
   * @default DEFAULT_SERVERLESS_BASE_CAPACITY_RPUS (8)
   */
  readonly baseCapacityRpus?: number;
  /**
   * Most capacity the workgroup scales to, RPUs (a multiple of 8, at least the base capacity, at
   * most 5632): a cost ceiling.
   * @default - no ceiling set (Redshift Serverless scales as it needs)
   */
  readonly maxCapacityRpus?: number;
}

/** Options of `RedshiftDeployment.provisioned`. */
export interface ProvisionedDeploymentOptions {
  /**
   * Node type (RA3).
   * @default DEFAULT_NODE_TYPE (ra3.large)
   */
  readonly nodeType?: RedshiftNodeType;
  /**
   * Number of nodes: 1 (single-node, ra3.large and ra3.xlplus only) or 2 up to the node type's
   * maximum (`NODE_COUNT_RANGES`).
   * @default DEFAULT_NUMBER_OF_NODES (2)
   */
  readonly numberOfNodes?: number;
}

/**
 * How a RedshiftWarehouse is deployed: `RedshiftDeployment.serverless(...)` (the default) or
 * `RedshiftDeployment.provisioned(...)`. Values are validated by the warehouse, which names itself
 * in errors.
 */
export class RedshiftDeployment {
  /** Redshift Serverless: a namespace and a workgroup. */
  public static serverless(options: ServerlessDeploymentOptions = {}): RedshiftDeployment {
    return new RedshiftDeployment(RedshiftDeploymentKind.SERVERLESS, options, undefined);
  }

  /** A provisioned cluster of RA3 nodes. */
  public static provisioned(options: ProvisionedDeploymentOptions = {}): RedshiftDeployment {
    return new RedshiftDeployment(RedshiftDeploymentKind.PROVISIONED, undefined, options);
  }

  private constructor(
    /** Which deployment. */
    public readonly kind: RedshiftDeploymentKind,
    /** Options of a serverless deployment. */
    public readonly serverlessOptions?: ServerlessDeploymentOptions,
    /** Options of a provisioned deployment. */
    public readonly provisionedOptions?: ProvisionedDeploymentOptions,
  ) {}
}
