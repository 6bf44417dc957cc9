import { IConstruct } from 'constructs';
import { invalidProp } from '../core/errors';
import { integerInRange, numberInRange } from '../core/validate';

/** Write throughput one Kinesis shard accepts, bytes per second (1 MiB/s). */
export const KINESIS_SHARD_WRITE_BYTES_PER_SECOND = 1_048_576;
/** Records per second one Kinesis shard accepts. */
export const KINESIS_SHARD_WRITE_RECORDS_PER_SECOND = 1_000;
/** Largest Kinesis record (data blob plus partition key), bytes. */
export const KINESIS_MAX_RECORD_BYTES = 1_048_576;
/** Most shards a provisioned stream may declare here (the default per-account quota in large regions). */
export const MAX_PROVISIONED_SHARDS = 500;
/**
 * Write throughput planned per Kafka partition, bytes per second. Deliberately conservative (a
 * partition is consumed by one consumer of a group, which bounds read parallelism).
 */
export const KAFKA_PARTITION_WRITE_BYTES_PER_SECOND = 5 * 1_048_576;
/** Records per second planned per Kafka partition. */
export const KAFKA_PARTITION_WRITE_RECORDS_PER_SECOND = 5_000;
/** Fewest partitions of a sized Kafka topic (one per broker of a 3-broker cluster). */
export const MIN_KAFKA_PARTITIONS = 3;
/** Most partitions a Kafka topic may declare here. */
export const MAX_KAFKA_PARTITIONS = 1_000;
/** Largest Kafka record accepted by the default broker configuration, bytes. */
export const KAFKA_MAX_RECORD_BYTES = 1_048_588;
/** Extra capacity above the declared load, percent. */
export const DEFAULT_HEADROOM_PERCENT = 25;
/** Largest headroom accepted, percent. */
export const MAX_HEADROOM_PERCENT = 400;

/** The expected write load of a stream. */
export interface DeclaredLoad {
  /** Records written per second at peak (> 0). */
  readonly recordsPerSecond: number;
  /** Average record size in bytes (1 to the engine's maximum record size). */
  readonly averageRecordSizeBytes: number;
  /**
   * Extra capacity above the declared load, percent (0 to 400).
   * @default 25
   */
  readonly headroomPercent?: number;
}

/** How a stream's capacity is declared. */
export enum CapacityMode {
  /** Kinesis on-demand (scales by itself); on Kafka, the default partition count. */
  ON_DEMAND = 'on-demand',
  /** A fixed number of shards / partitions. */
  PROVISIONED = 'provisioned',
  /** Derived from a declared load with headroom. */
  FROM_LOAD = 'from-load',
}

/** Capacity of a StreamingIngest: on-demand, a fixed count, or derived from a declared load. */
export class StreamCapacity {
  /** Kinesis on-demand mode. On Kafka: {@link MIN_KAFKA_PARTITIONS} partitions. */
  public static onDemand(): StreamCapacity {
    return new StreamCapacity(CapacityMode.ON_DEMAND);
  }

  /** Exactly `count` shards (Kinesis) or partitions (Kafka). */
  public static provisioned(count: number): StreamCapacity {
    return new StreamCapacity(CapacityMode.PROVISIONED, count);
  }

  /**
   * Derived from a declared load:
   * Kinesis shards = ceil(max(bytes/s / 1 MiB, records/s / 1000) x (1 + headroom));
   * Kafka partitions = max(3, ceil(max(bytes/s / 5 MiB, records/s / 5000) x (1 + headroom))).
   */
  public static fromLoad(load: DeclaredLoad): StreamCapacity {
    return new StreamCapacity(CapacityMode.FROM_LOAD, undefined, load);
  }

  private constructor(
    /** How the capacity is declared. */
    public readonly mode: CapacityMode,
    /** The fixed count for PROVISIONED. */
    public readonly count?: number,
    /** The declared load for FROM_LOAD. */
    public readonly load?: DeclaredLoad,
  ) {}
}

/** Per-unit limits of a streaming engine, used to size it. @internal */
export interface UnitLimits {
  readonly unit: string;
  readonly bytesPerSecond: number;
  readonly recordsPerSecond: number;
  readonly maxRecordBytes: number;
  readonly minUnits: number;
  readonly maxUnits: number;
}

/** @internal */
export const KINESIS_LIMITS: UnitLimits = {
  unit: 'shards',
  bytesPerSecond: KINESIS_SHARD_WRITE_BYTES_PER_SECOND,
  recordsPerSecond: KINESIS_SHARD_WRITE_RECORDS_PER_SECOND,
  maxRecordBytes: KINESIS_MAX_RECORD_BYTES,
  minUnits: 1,
  maxUnits: MAX_PROVISIONED_SHARDS,
};

/** @internal */
export const KAFKA_LIMITS: UnitLimits = {
  unit: 'partitions',
  bytesPerSecond: KAFKA_PARTITION_WRITE_BYTES_PER_SECOND,
  recordsPerSecond: KAFKA_PARTITION_WRITE_RECORDS_PER_SECOND,
  maxRecordBytes: KAFKA_MAX_RECORD_BYTES,
  minUnits: MIN_KAFKA_PARTITIONS,
  maxUnits: MAX_KAFKA_PARTITIONS,
};

/**
 * Units (shards or partitions) for a provisioned or load-derived capacity; undefined for on-demand.
 * Throws a clear error for impossible values.
 * @internal
 */
export function unitsFor(scope: IConstruct, capacity: StreamCapacity, limits: UnitLimits): number | undefined {
  switch (capacity.mode) {
    case CapacityMode.ON_DEMAND:
      return undefined;
    case CapacityMode.PROVISIONED:
      return integerInRange(scope, 'capacity (provisioned count)', capacity.count, 1, limits.maxUnits, 1);
    case CapacityMode.FROM_LOAD:
    default: {
      const load = capacity.load!;
      if (!Number.isFinite(load.recordsPerSecond) || load.recordsPerSecond <= 0) {
        throw invalidProp(scope, 'capacity.load.recordsPerSecond', load.recordsPerSecond, 'must be a number greater than 0');
      }
      numberInRange(scope, 'capacity.load.averageRecordSizeBytes', load.averageRecordSizeBytes, 1, limits.maxRecordBytes, 1);
      const headroom = numberInRange(scope, 'capacity.load.headroomPercent', load.headroomPercent, 0, MAX_HEADROOM_PERCENT, DEFAULT_HEADROOM_PERCENT);
      const byBytes = (load.recordsPerSecond * load.averageRecordSizeBytes) / limits.bytesPerSecond;
      const byRecords = load.recordsPerSecond / limits.recordsPerSecond;
      // Round before ceil so binary floating point (e.g. 1.25 * 1.0000000001) does not add a unit.
      const needed = Math.ceil(Number((Math.max(byBytes, byRecords) * (1 + headroom / 100)).toFixed(9)));
      const units = Math.max(limits.minUnits, needed);
      if (units > limits.maxUnits) {
        throw invalidProp(
          scope,
          'capacity.load',
          load,
          `it needs ${units} ${limits.unit} with ${headroom}% headroom, above the maximum of ${limits.maxUnits}; lower the load or headroom, or use StreamCapacity.onDemand()`,
        );
      }
      return units;
    }
  }
}
