/** The two ways DMS runs a replication. */
export enum DmsCapacityKind {
  /** A replication instance you size (class, storage, Multi-AZ) running one replication task. */
  INSTANCE = 'instance',
  /** DMS Serverless: a replication config whose capacity DMS scales between two DCU values. */
  SERVERLESS = 'serverless',
}

/** Replication instance class: memory optimized (2 vCPU, 16 GiB; CDC buffers changes in memory). */
export const DEFAULT_DMS_INSTANCE_CLASS = 'dms.r6i.large';
/** Storage of a replication instance, GiB (task logs and changes spilled to disk). */
export const DEFAULT_DMS_ALLOCATED_STORAGE_GIB = 50;
/** Smallest storage of a replication instance, GiB. */
export const MIN_DMS_ALLOCATED_STORAGE_GIB = 5;
/** Largest storage of a replication instance, GiB. */
export const MAX_DMS_ALLOCATED_STORAGE_GIB = 6144;
/** Whether a replication instance has a standby in another availability zone. */
export const DEFAULT_DMS_MULTI_AZ = true;
/** The DMS capacity unit (DCU) values DMS Serverless accepts (1 DCU = 2 GiB of memory). */
export const DMS_CAPACITY_UNITS = [1, 2, 4, 8, 16, 32, 64, 128, 192, 256, 384];
/** Fewest DCUs a serverless replication scales down to. */
export const DEFAULT_DMS_MIN_CAPACITY_UNITS = 2;
/** Most DCUs a serverless replication scales up to. */
export const DEFAULT_DMS_MAX_CAPACITY_UNITS = 16;

const sizes = (family: string, list: string[]) => list.map((size) => `dms.${family}.${size}`);
const SIXTH_GENERATION_SIZES = ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge', '32xlarge'];

/** Replication instance classes accepted (current generations). */
export const DMS_INSTANCE_CLASSES: string[] = [
  ...sizes('t3', ['micro', 'small', 'medium', 'large']),
  ...sizes('c5', ['large', 'xlarge', '2xlarge', '4xlarge', '9xlarge', '12xlarge', '18xlarge', '24xlarge']),
  ...sizes('r5', ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge']),
  ...sizes('c6i', SIXTH_GENERATION_SIZES),
  ...sizes('r6i', SIXTH_GENERATION_SIZES),
];

/** Options of `DmsCapacity.instance`. */
export interface DmsInstanceOptions {
  /**
   * Replication instance class (one of DMS_INSTANCE_CLASSES).
   * @default DEFAULT_DMS_INSTANCE_CLASS ("dms.r6i.large")
   */
  readonly instanceClass?: string;
  /**
   * Storage, GiB (5 to 6144).
   * @default DEFAULT_DMS_ALLOCATED_STORAGE_GIB (50)
   */
  readonly allocatedStorageGiB?: number;
  /**
   * A standby in another availability zone that DMS fails over to.
   * @default DEFAULT_DMS_MULTI_AZ (true)
   */
  readonly multiAz?: boolean;
}

/** Options of `DmsCapacity.serverless`. */
export interface DmsServerlessOptions {
  /**
   * Fewest DCUs (one of DMS_CAPACITY_UNITS, at most maxCapacityUnits).
   * @default DEFAULT_DMS_MIN_CAPACITY_UNITS (2)
   */
  readonly minCapacityUnits?: number;
  /**
   * Most DCUs (one of DMS_CAPACITY_UNITS).
   * @default DEFAULT_DMS_MAX_CAPACITY_UNITS (16)
   */
  readonly maxCapacityUnits?: number;
  /**
   * Run the replication with a standby in another availability zone.
   * @default DEFAULT_DMS_MULTI_AZ (true)
   */
  readonly multiAz?: boolean;
}

/**
 * How DMS runs the capture: `DmsCapacity.instance(...)` (a replication instance and task) or
 * `DmsCapacity.serverless(...)` (a DMS Serverless replication config). Values are checked by the
 * DmsCdcSource that uses them, so errors name its path.
 */
export class DmsCapacity {
  /** A replication instance (the default, with the DEFAULT_DMS_* settings). */
  public static instance(options: DmsInstanceOptions = {}): DmsCapacity {
    return new DmsCapacity(DmsCapacityKind.INSTANCE, options, undefined);
  }

  /** DMS Serverless, scaling between two DCU values. */
  public static serverless(options: DmsServerlessOptions = {}): DmsCapacity {
    return new DmsCapacity(DmsCapacityKind.SERVERLESS, undefined, options);
  }

  private constructor(
    /** Which kind. */
    public readonly kind: DmsCapacityKind,
    /** The instance options (INSTANCE). */
    public readonly instanceOptions: DmsInstanceOptions | undefined,
    /** The serverless options (SERVERLESS). */
    public readonly serverlessOptions: DmsServerlessOptions | undefined,
  ) {}
}
