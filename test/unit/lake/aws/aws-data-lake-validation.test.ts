import { awsStack } from './aws-lake-fixture';
import { KubernetesPlatform } from '../../../../src';
import { LakeZoneOptions } from '../../../../src/lake';
import {
  AwsDataLake, MAX_ATHENA_BYTES_SCANNED_CUTOFF, MAX_ZONE_EXPIRE_DAYS, MIN_ATHENA_BYTES_SCANNED_CUTOFF, MIN_ZONE_EXPIRE_DAYS,
  MIN_ZONE_INFREQUENT_ACCESS_DAYS,
} from '../../../../src/lake/aws';
import { newStack } from '../../../support/synth';

const lakeWithZones = (zones: LakeZoneOptions[]) => () => new AwsDataLake(awsStack(), 'Lake', { zones });
const NAME_RULE = 'use 2 to 20 lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit';

describe('zone names', () => {
  test.each(['Raw', 'r', 'raw_data', '-raw', 'raw-', '9raw', 'a'.repeat(21)])('%j is rejected', (name) => {
    expect(lakeWithZones([{ name }])).toThrow(`test/Lake: invalid zones[0].name: received ${JSON.stringify(name)}; ${NAME_RULE}.`);
  });

  test('the index of the bad zone is named', () => {
    expect(lakeWithZones([{ name: 'raw' }, { name: 'Gold' }])).toThrow(`test/Lake: invalid zones[1].name: received "Gold"; ${NAME_RULE}.`);
  });

  test('2 and 20 characters are accepted', () => {
    expect(lakeWithZones([{ name: 'r2' }, { name: 'a'.repeat(20) }])).not.toThrow();
  });

  test('duplicate zones', () => {
    expect(lakeWithZones([{ name: 'raw' }, { name: 'curated' }, { name: 'raw' }])).toThrow(
      'test/Lake: two zones are named "raw"; zone names must be unique.');
  });

  test('no zones', () => {
    expect(lakeWithZones([])).toThrow('test/Lake: invalid zones: received []; declare at least one zone (the default is raw, curated, analytics).');
  });

  test('names of the lake\'s own buckets', () => {
    expect(lakeWithZones([{ name: 'athena-results' }])).toThrow(
      'test/Lake: invalid zones[0].name: received "athena-results"; use a name other than athena-results and lake-audit, which name the lake\'s own buckets.');
  });
});

describe('zone retention and expiry', () => {
  test('infrequentAccessAfterDays below the S3 minimum or beyond 100 years', () => {
    expect(MIN_ZONE_INFREQUENT_ACCESS_DAYS).toBe(30);
    expect(lakeWithZones([{ name: 'raw', infrequentAccessAfterDays: 29 }])).toThrow(
      'test/Lake: invalid zones[0].infrequentAccessAfterDays: received 29; must be an integer from 30 to 36500.');
    expect(lakeWithZones([{ name: 'raw' }, { name: 'gold', infrequentAccessAfterDays: 36501 }])).toThrow(
      'test/Lake: invalid zones[1].infrequentAccessAfterDays: received 36501; must be an integer from 30 to 36500.');
  });

  test('expireAfterDays outside 1 to 36500 days or not an integer', () => {
    expect([MIN_ZONE_EXPIRE_DAYS, MAX_ZONE_EXPIRE_DAYS]).toEqual([1, 36500]);
    for (const days of [0, -1, 36501, 1.5]) {
      expect(lakeWithZones([{ name: 'raw', expireAfterDays: days }])).toThrow(
        `test/Lake: invalid zones[0].expireAfterDays: received ${days}; must be an integer from 1 to 36500.`);
    }
  });
});

describe('lake-wide options', () => {
  test('athenaBytesScannedCutoff outside 10 MB to 1 PiB', () => {
    expect([MIN_ATHENA_BYTES_SCANNED_CUTOFF, MAX_ATHENA_BYTES_SCANNED_CUTOFF]).toEqual([10_000_000, 1125899906842624]);
    for (const cutoff of [9_999_999, 1125899906842625, 0]) {
      expect(() => new AwsDataLake(awsStack(), 'Lake', { athenaBytesScannedCutoff: cutoff })).toThrow(
        `test/Lake: invalid athenaBytesScannedCutoff: received ${cutoff}; must be an integer from 10000000 to 1125899906842624.`);
    }
    expect(() => new AwsDataLake(awsStack(), 'Lake', { athenaBytesScannedCutoff: MIN_ATHENA_BYTES_SCANNED_CUTOFF })).not.toThrow();
  });

  test('a crawler schedule that is not a six-field Glue cron expression', () => {
    for (const schedule of ['daily', 'cron(0 2 * * ?)', 'rate(1 day)', '0 2 * * ? *']) {
      expect(() => new AwsDataLake(awsStack(), 'Lake', { crawlerSchedule: schedule })).toThrow(
        `test/Lake: invalid crawlerSchedule: received ${JSON.stringify(schedule)}; use a Glue cron expression with six fields `
        + '(minutes hours day-of-month month day-of-week year), for example "cron(0 2 * * ? *)".');
    }
  });

  test('one AwsDataLake per stack', () => {
    const stack = awsStack();
    new AwsDataLake(stack, 'Lake', { zones: [{ name: 'raw' }] });
    expect(() => new AwsDataLake(stack, 'Other', { zones: [{ name: 'gold' }] })).toThrow(
      'test/Other: stack "test" already has an AwsDataLake at test/Lake; a stack has one (its buckets, databases, workgroup and the account\'s catalog encryption are named after the platform).');
  });

  test('the lake needs an AWS platform', () => {
    const stack = newStack();
    new KubernetesPlatform(stack, 'Platform', { namePrefix: 'acme' });
    expect(() => new AwsDataLake(stack, 'Lake')).toThrow(
      'test/Lake: this construct deploys to AWS but the stack\'s platform (test/Platform) is kubernetes.');
  });
});
