import { Construct } from 'constructs';
import {
  DEFAULT_HEADROOM_PERCENT,
  KAFKA_LIMITS,
  KAFKA_MAX_RECORD_BYTES,
  KAFKA_PARTITION_WRITE_BYTES_PER_SECOND,
  KAFKA_PARTITION_WRITE_RECORDS_PER_SECOND,
  KINESIS_LIMITS,
  KINESIS_MAX_RECORD_BYTES,
  KINESIS_SHARD_WRITE_BYTES_PER_SECOND,
  KINESIS_SHARD_WRITE_RECORDS_PER_SECOND,
  MAX_HEADROOM_PERCENT,
  MAX_KAFKA_PARTITIONS,
  MAX_PROVISIONED_SHARDS,
  MIN_KAFKA_PARTITIONS,
  StreamCapacity,
  unitsFor,
} from '../../../src/streaming/capacity';
import { newStack } from '../../support/synth';

/** A construct to name in errors: its path is "test/Ingest". */
function scope(): Construct {
  return new Construct(newStack(), 'Ingest');
}

const kinesis = (recordsPerSecond: number, averageRecordSizeBytes: number, headroomPercent?: number) =>
  unitsFor(scope(), StreamCapacity.fromLoad({ recordsPerSecond, averageRecordSizeBytes, headroomPercent }), KINESIS_LIMITS);
const kafka = (recordsPerSecond: number, averageRecordSizeBytes: number, headroomPercent?: number) =>
  unitsFor(scope(), StreamCapacity.fromLoad({ recordsPerSecond, averageRecordSizeBytes, headroomPercent }), KAFKA_LIMITS);

/** The documented formula, written out from the exported constants. */
function formula(
  recordsPerSecond: number, averageRecordSizeBytes: number, headroomPercent: number,
  bytesPerUnit: number, recordsPerUnit: number, minUnits: number,
): number {
  const byBytes = (recordsPerSecond * averageRecordSizeBytes) / bytesPerUnit;
  const byRecords = recordsPerSecond / recordsPerUnit;
  return Math.max(minUnits, Math.ceil(Math.max(byBytes, byRecords) * (1 + headroomPercent / 100)));
}
const expectedShards = (recordsPerSecond: number, averageRecordSizeBytes: number) => formula(
  recordsPerSecond, averageRecordSizeBytes, DEFAULT_HEADROOM_PERCENT,
  KINESIS_SHARD_WRITE_BYTES_PER_SECOND, KINESIS_SHARD_WRITE_RECORDS_PER_SECOND, 1);
const expectedPartitions = (recordsPerSecond: number, averageRecordSizeBytes: number) => formula(
  recordsPerSecond, averageRecordSizeBytes, DEFAULT_HEADROOM_PERCENT,
  KAFKA_PARTITION_WRITE_BYTES_PER_SECOND, KAFKA_PARTITION_WRITE_RECORDS_PER_SECOND, MIN_KAFKA_PARTITIONS);

describe('limits used for sizing', () => {
  test('Kinesis and Kafka limits are the exported constants', () => {
    expect(KINESIS_LIMITS).toEqual({
      unit: 'shards',
      bytesPerSecond: KINESIS_SHARD_WRITE_BYTES_PER_SECOND,
      recordsPerSecond: KINESIS_SHARD_WRITE_RECORDS_PER_SECOND,
      maxRecordBytes: KINESIS_MAX_RECORD_BYTES,
      minUnits: 1,
      maxUnits: MAX_PROVISIONED_SHARDS,
    });
    expect(KAFKA_LIMITS).toEqual({
      unit: 'partitions',
      bytesPerSecond: KAFKA_PARTITION_WRITE_BYTES_PER_SECOND,
      recordsPerSecond: KAFKA_PARTITION_WRITE_RECORDS_PER_SECOND,
      maxRecordBytes: KAFKA_MAX_RECORD_BYTES,
      minUnits: MIN_KAFKA_PARTITIONS,
      maxUnits: MAX_KAFKA_PARTITIONS,
    });
    // The values the docs state (1 MiB/s and 1,000 records/s per shard; 5 MiB/s, 5,000 records/s per partition).
    expect([KINESIS_SHARD_WRITE_BYTES_PER_SECOND, KINESIS_SHARD_WRITE_RECORDS_PER_SECOND]).toEqual([1_048_576, 1_000]);
    expect([KAFKA_PARTITION_WRITE_BYTES_PER_SECOND, KAFKA_PARTITION_WRITE_RECORDS_PER_SECOND, MIN_KAFKA_PARTITIONS]).toEqual([5_242_880, 5_000, 3]);
    expect(DEFAULT_HEADROOM_PERCENT).toBe(25);
  });
});

describe('Kinesis shards from a declared load', () => {
  test('bytes-bound: 1,000 records/s of 3,000 bytes need 4 shards with the default headroom', () => {
    // 3,000,000 B/s / 1 MiB = 2.86 shards by bytes > 1 shard by records; x 1.25 = 3.58 -> 4
    const expected = expectedShards(1_000, 3_000);
    expect(expected).toBe(4);
    expect(kinesis(1_000, 3_000)).toBe(expected);
  });

  test('records-bound: 5,000 records/s of 100 bytes need 7 shards with the default headroom', () => {
    // 5,000 / 1,000 = 5 shards by records > 0.48 by bytes; x 1.25 = 6.25 -> 7
    const expected = expectedShards(5_000, 100);
    expect(expected).toBe(7);
    expect(kinesis(5_000, 100)).toBe(expected);
  });

  test('headroom 0 sizes to the load exactly (0 is a value, not "use the default")', () => {
    expect(kinesis(2 * KINESIS_SHARD_WRITE_RECORDS_PER_SECOND, 512, 0)).toBe(2);
    expect(kinesis(2 * KINESIS_SHARD_WRITE_RECORDS_PER_SECOND, 512)).toBe(Math.ceil(2 * (1 + DEFAULT_HEADROOM_PERCENT / 100)));
    // exactly 1 MiB/s (512 records of 2 KiB) fills one shard; one more byte per record needs a second
    expect(kinesis(512, KINESIS_SHARD_WRITE_BYTES_PER_SECOND / 512, 0)).toBe(1);
    expect(kinesis(512, KINESIS_SHARD_WRITE_BYTES_PER_SECOND / 512 + 1, 0)).toBe(2);
  });

  test('explicit headroom is applied', () => {
    // 2 shards by records x 2.0 = 4
    expect(kinesis(2_000, 10, 100)).toBe(4);
    expect(kinesis(2_000, 10, MAX_HEADROOM_PERCENT)).toBe(2 * (1 + MAX_HEADROOM_PERCENT / 100));
  });

  test('a tiny load still gets one shard', () => {
    expect(kinesis(1, 1, 0)).toBe(1);
    expect(kinesis(0.5, 10)).toBe(1);
  });

  test('binary floating point does not add a shard (50,000 records/s with 10% headroom is exactly 55)', () => {
    expect((50_000 / KINESIS_SHARD_WRITE_RECORDS_PER_SECOND) * 1.1).toBeGreaterThan(55);
    expect(kinesis(50_000, 1, 10)).toBe(55);
  });

  test('the largest record and the maximum shard count are accepted', () => {
    expect(kinesis(1, KINESIS_MAX_RECORD_BYTES, 0)).toBe(1);
    // 400 shards by records x 1.25 = 500 = the maximum
    expect(kinesis(400 * KINESIS_SHARD_WRITE_RECORDS_PER_SECOND, 1)).toBe(MAX_PROVISIONED_SHARDS);
  });
});

describe('Kafka partitions from a declared load', () => {
  test('a small load gets the minimum partition count', () => {
    expect(kafka(10, 100)).toBe(MIN_KAFKA_PARTITIONS);
    expect(kafka(KAFKA_PARTITION_WRITE_RECORDS_PER_SECOND, 1, 0)).toBe(MIN_KAFKA_PARTITIONS);
  });

  test('bytes-bound: 10,000 records/s of 4 KiB need 10 partitions', () => {
    // 40,960,000 B/s / 5 MiB = 7.81 > 2 by records; x 1.25 = 9.77 -> 10
    const expected = expectedPartitions(10_000, 4_096);
    expect(expected).toBe(10);
    expect(kafka(10_000, 4_096)).toBe(expected);
  });

  test('records-bound: 50,000 records/s of 10 bytes need 13 partitions', () => {
    // 50,000 / 5,000 = 10 > 0.1 by bytes; x 1.25 = 12.5 -> 13
    const expected = expectedPartitions(50_000, 10);
    expect(expected).toBe(13);
    expect(kafka(50_000, 10)).toBe(expected);
    expect(kafka(50_000, 10, 0)).toBe(10);
  });

  test('Kafka accepts records up to its own maximum, larger than Kinesis', () => {
    expect(KAFKA_MAX_RECORD_BYTES).toBeGreaterThan(KINESIS_MAX_RECORD_BYTES);
    expect(kafka(1, KAFKA_MAX_RECORD_BYTES)).toBe(MIN_KAFKA_PARTITIONS);
  });
});

describe('on-demand and provisioned capacity', () => {
  test('on-demand has no unit count on either engine', () => {
    expect(unitsFor(scope(), StreamCapacity.onDemand(), KINESIS_LIMITS)).toBeUndefined();
    expect(unitsFor(scope(), StreamCapacity.onDemand(), KAFKA_LIMITS)).toBeUndefined();
  });

  test('provisioned counts are used as given, from 1 to the engine maximum', () => {
    expect(unitsFor(scope(), StreamCapacity.provisioned(1), KINESIS_LIMITS)).toBe(1);
    expect(unitsFor(scope(), StreamCapacity.provisioned(7), KINESIS_LIMITS)).toBe(7);
    expect(unitsFor(scope(), StreamCapacity.provisioned(MAX_PROVISIONED_SHARDS), KINESIS_LIMITS)).toBe(MAX_PROVISIONED_SHARDS);
    expect(unitsFor(scope(), StreamCapacity.provisioned(MAX_KAFKA_PARTITIONS), KAFKA_LIMITS)).toBe(MAX_KAFKA_PARTITIONS);
  });
});

describe('errors', () => {
  test('recordsPerSecond must be a number above 0', () => {
    expect(() => kinesis(0, 100)).toThrow(
      'test/Ingest: invalid capacity.load.recordsPerSecond: received 0; must be a number greater than 0.',
    );
    expect(() => kinesis(-5, 100)).toThrow(
      'test/Ingest: invalid capacity.load.recordsPerSecond: received -5; must be a number greater than 0.',
    );
    expect(() => kafka(NaN, 100)).toThrow(
      'test/Ingest: invalid capacity.load.recordsPerSecond: received NaN; must be a number greater than 0.',
    );
    expect(() => kinesis(Infinity, 100)).toThrow(
      'test/Ingest: invalid capacity.load.recordsPerSecond: received Infinity; must be a number greater than 0.',
    );
  });

  test('the record size is bounded by the engine maximum', () => {
    expect(() => kinesis(10, KINESIS_MAX_RECORD_BYTES + 1)).toThrow(
      'test/Ingest: invalid capacity.load.averageRecordSizeBytes: received 1048577; must be a number from 1 to 1048576.',
    );
    expect(() => kafka(10, KAFKA_MAX_RECORD_BYTES + 1)).toThrow(
      'test/Ingest: invalid capacity.load.averageRecordSizeBytes: received 1048589; must be a number from 1 to 1048588.',
    );
    expect(() => kinesis(10, 0)).toThrow(
      'test/Ingest: invalid capacity.load.averageRecordSizeBytes: received 0; must be a number from 1 to 1048576.',
    );
  });

  test('headroom is 0 to 400 percent', () => {
    expect(() => kinesis(10, 100, -1)).toThrow(
      'test/Ingest: invalid capacity.load.headroomPercent: received -1; must be a number from 0 to 400.',
    );
    expect(() => kafka(10, 100, MAX_HEADROOM_PERCENT + 1)).toThrow(
      'test/Ingest: invalid capacity.load.headroomPercent: received 401; must be a number from 0 to 400.',
    );
  });

  test('a load needing more than the maximum units is refused, naming the units and the way out', () => {
    // 600 shards by records, no headroom
    expect(() => kinesis(600_000, 1, 0)).toThrow(
      'test/Ingest: invalid capacity.load: received {"recordsPerSecond":600000,"averageRecordSizeBytes":1,"headroomPercent":0}; '
      + 'it needs 600 shards with 0% headroom, above the maximum of 500; lower the load or headroom, or use StreamCapacity.onDemand().',
    );
    // one shard above the maximum with the default headroom: 401 x 1.25 = 501.25 -> 502
    expect(() => kinesis(401 * KINESIS_SHARD_WRITE_RECORDS_PER_SECOND, 1)).toThrow(
      'test/Ingest: invalid capacity.load: received {"recordsPerSecond":401000,"averageRecordSizeBytes":1}; '
      + 'it needs 502 shards with 25% headroom, above the maximum of 500; lower the load or headroom, or use StreamCapacity.onDemand().',
    );
    // 6,000,000 / 5,000 = 1,200 partitions
    expect(() => kafka(6_000_000, 1, 0)).toThrow(
      'test/Ingest: invalid capacity.load: received {"recordsPerSecond":6000000,"averageRecordSizeBytes":1,"headroomPercent":0}; '
      + 'it needs 1200 partitions with 0% headroom, above the maximum of 1000; lower the load or headroom, or use StreamCapacity.onDemand().',
    );
  });

  test('a provisioned count is an integer from 1 to the engine maximum', () => {
    expect(() => unitsFor(scope(), StreamCapacity.provisioned(0), KINESIS_LIMITS)).toThrow(
      'test/Ingest: invalid capacity (provisioned count): received 0; must be an integer from 1 to 500.',
    );
    expect(() => unitsFor(scope(), StreamCapacity.provisioned(2.5), KINESIS_LIMITS)).toThrow(
      'test/Ingest: invalid capacity (provisioned count): received 2.5; must be an integer from 1 to 500.',
    );
    expect(() => unitsFor(scope(), StreamCapacity.provisioned(MAX_PROVISIONED_SHARDS + 1), KINESIS_LIMITS)).toThrow(
      'test/Ingest: invalid capacity (provisioned count): received 501; must be an integer from 1 to 500.',
    );
    expect(() => unitsFor(scope(), StreamCapacity.provisioned(0), KAFKA_LIMITS)).toThrow(
      'test/Ingest: invalid capacity (provisioned count): received 0; must be an integer from 1 to 1000.',
    );
  });
});
