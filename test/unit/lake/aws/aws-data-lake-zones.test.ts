import { awsStack, under } from './aws-lake-fixture';
import { DEFAULT_GLACIER_IR_AFTER_DAYS, DEFAULT_INFREQUENT_ACCESS_AFTER_DAYS, DEFAULT_NONCURRENT_VERSION_RETENTION_DAYS, SecureBucket } from '../../../../src';
import { AwsDataLake } from '../../../../src/lake/aws';
import { synth } from '../../../support/synth';

/** The tiering rule of the bucket of a lake's only zone, `raw`, with these lifecycle options. */
function tieringRule(expireAfterDays?: number, infrequentAccessAfterDays?: number): any {
  const stack = awsStack();
  new AwsDataLake(stack, 'Lake', { zones: [{ name: 'raw', expireAfterDays, infrequentAccessAfterDays }] });
  return under(synth(stack), 'aws_s3_bucket_lifecycle_configuration', 'Lake_Zone-raw_Bucket').rule[1];
}

const IA = { days: DEFAULT_INFREQUENT_ACCESS_AFTER_DAYS, storage_class: 'STANDARD_IA' };
const GLACIER = { days: DEFAULT_GLACIER_IR_AFTER_DAYS, storage_class: 'GLACIER_IR' };

describe('zone lifecycle (SecureBucket expireAfterDays)', () => {
  test('a zone that expires after a year: both transitions, then expiry', () => {
    expect(tieringRule(365)).toEqual({
      id: 'tiering',
      status: 'Enabled',
      filter: [{ prefix: '' }],
      transition: [IA, GLACIER],
      expiration: [{ days: 365 }],
      noncurrent_version_expiration: [{ noncurrent_days: DEFAULT_NONCURRENT_VERSION_RETENTION_DAYS }],
    });
  });

  test('transitions that would not last their minimum storage duration before expiry are left out', () => {
    // Glacier IR bills 90 days: from day 90, objects expiring before day 180 skip it.
    expect(tieringRule(180).transition).toEqual([IA, GLACIER]);
    expect(tieringRule(179).transition).toEqual([IA]);
    // Standard-IA bills 30 days: from day 30, objects expiring before day 60 skip it.
    expect(tieringRule(60).transition).toEqual([IA]);
    const short = tieringRule(59);
    expect(short.transition).toBeUndefined();
    expect(short.expiration).toEqual([{ days: 59 }]);
    expect(tieringRule(1).expiration).toEqual([{ days: 1 }]);
  });

  test('a later first transition moves the Glacier IR transition with it', () => {
    expect(tieringRule(undefined, 45).transition).toEqual([{ days: 45, storage_class: 'STANDARD_IA' }, { days: 105, storage_class: 'GLACIER_IR' }]);
  });

  test('a SecureBucket without expireAfterDays keeps its current objects', () => {
    const rule = tieringRule();
    expect(rule.expiration).toBeUndefined();
    expect(rule.transition).toEqual([IA, GLACIER]);
  });

  test('SecureBucket checks expireAfterDays itself', () => {
    expect(() => new SecureBucket(awsStack(), 'Raw', { name: 'raw', expireAfterDays: 0 })).toThrow(
      'test/Raw: invalid expireAfterDays: received 0; must be an integer from 1 to 36500.');
    const stack = awsStack();
    new SecureBucket(stack, 'Raw', { name: 'raw', expireAfterDays: 36500 });
    expect(under(synth(stack), 'aws_s3_bucket_lifecycle_configuration', 'Raw').rule[1].expiration).toEqual([{ days: 36500 }]);
  });
});
