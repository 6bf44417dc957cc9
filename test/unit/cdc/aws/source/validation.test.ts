import { sourceStack } from './source-fixture';
import { SourceEngine } from '../../../../../src/cdc';
import {
  DOCUMENTDB_INSTANCE_CLASSES, DocumentDbSourceDatabase, DocumentDbSourceDatabaseProps, RDS_SOURCE_INSTANCE_CLASSES, RdsSourceDatabase,
  RdsSourceDatabaseProps,
} from '../../../../../src/cdc/aws/source';

const rds = (props: Partial<RdsSourceDatabaseProps>, stack = sourceStack()) => new RdsSourceDatabase(stack, 'Db', { engine: SourceEngine.MYSQL, ...props });
const docdb = (props: DocumentDbSourceDatabaseProps, stack = sourceStack()) => new DocumentDbSourceDatabase(stack, 'Db', props);

describe('RdsSourceDatabase validation', () => {
  test('MONGODB (and anything else) is not an RDS engine', () => {
    const allowed = 'use SourceEngine.MYSQL or SourceEngine.POSTGRESQL (for MongoDB use DocumentDbSourceDatabase, or SourceDatabase.fromAttributes for an existing one).';
    expect(() => rds({ engine: SourceEngine.MONGODB })).toThrow(`test/Db: invalid engine: received "mongodb"; ${allowed}`);
    expect(() => rds({ engine: 'oracle' as SourceEngine })).toThrow(`test/Db: invalid engine: received "oracle"; ${allowed}`);
  });

  test('engine versions outside RDS standard support', () => {
    expect(() => rds({ engineVersion: '5.7' }))
      .toThrow('test/Db: invalid engineVersion: received "5.7"; use a major version in RDS standard support for mysql: 8.0, 8.4.');
    expect(() => rds({ engineVersion: '8.4.3' }))
      .toThrow('test/Db: invalid engineVersion: received "8.4.3"; use a major version in RDS standard support for mysql: 8.0, 8.4.');
    expect(() => rds({ engine: SourceEngine.POSTGRESQL, engineVersion: '13' }))
      .toThrow('test/Db: invalid engineVersion: received "13"; use a major version in RDS standard support for postgresql: 14, 15, 16, 17, 18.');
  });

  test('instance classes outside the allow-list', () => {
    const allowed = 'use a class of RDS_SOURCE_INSTANCE_CLASSES (db.t4g.medium to 2xlarge, db.m6g/m7g/m6i or db.r6g/r7g/r6i large and up), for example "db.m7g.large".';
    expect(() => rds({ instanceClass: 'db.t4g.micro' })).toThrow(`test/Db: invalid instanceClass: received "db.t4g.micro"; ${allowed}`);
    expect(() => rds({ instanceClass: 'db.m5.large' })).toThrow(`test/Db: invalid instanceClass: received "db.m5.large"; ${allowed}`);
    expect(RDS_SOURCE_INSTANCE_CLASSES).toHaveLength(4 + 7 * 4 + 9 * 2);
    expect(RDS_SOURCE_INSTANCE_CLASSES).toEqual(expect.arrayContaining(['db.t4g.medium', 'db.m7g.large', 'db.r6i.32xlarge']));
  });

  test.each([19, 65_537, 100.5, 0])('allocatedStorageGiB %d', (size) => {
    expect(() => rds({ allocatedStorageGiB: size }))
      .toThrow(`test/Db: invalid allocatedStorageGiB: received ${size}; must be an integer from 20 to 65536.`);
  });

  test('the storage bounds themselves are accepted', () => {
    expect(() => rds({ allocatedStorageGiB: 20 })).not.toThrow();
    expect(() => rds({ allocatedStorageGiB: 65_536 })).not.toThrow();
  });

  test.each([100, 50, 70_000, 150.5])('maxAllocatedStorageGiB %d with 100 GiB allocated', (ceiling) => {
    expect(() => rds({ maxAllocatedStorageGiB: ceiling }))
      .toThrow(`test/Db: invalid maxAllocatedStorageGiB: received ${ceiling}; must be an integer above allocatedStorageGiB (100) and at most 65536.`);
  });

  test.each([0, 36, 7.5])('backupRetentionDays %d', (days) => {
    expect(() => rds({ backupRetentionDays: days }))
      .toThrow(`test/Db: invalid backupRetentionDays: received ${days}; must be an integer from 1 to 35.`);
  });

  test('enhancedMonitoringIntervalSeconds', () => {
    expect(() => rds({ enhancedMonitoringIntervalSeconds: 20 }))
      .toThrow('test/Db: invalid enhancedMonitoringIntervalSeconds: received 20; use one of 0, 1, 5, 10, 15, 30, 60 (0 turns enhanced monitoring off).');
  });

  test('logRetentionDays must be a CloudWatch value', () => {
    expect(() => rds({ logRetentionDays: 100 })).toThrow('test/Db: invalid logRetentionDays: received 100; use one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653.');
  });

  test('name, database name and master user name', () => {
    expect(() => rds({ name: 'Orders' }))
      .toThrow('test/Db: invalid name: received "Orders"; use 1 to 25 lowercase letters, digits and single hyphens, starting with a letter and ending with a letter or digit.');
    expect(() => rds({ name: 'a'.repeat(26) }))
      .toThrow(`test/Db: invalid name: received "${'a'.repeat(26)}"; use 1 to 25 lowercase letters, digits and single hyphens, starting with a letter and ending with a letter or digit.`);
    expect(() => rds({ name: 'a--b' })).toThrow('test/Db: invalid name: received "a--b"');
    expect(() => rds({ databaseName: 'Sales-DB' }))
      .toThrow('test/Db: invalid databaseName: received "Sales-DB"; use 1 to 63 lowercase letters, digits and underscores, starting with a letter.');
    expect(() => rds({ masterUsername: 'cdc_admin' }))
      .toThrow('test/Db: invalid masterUsername: received "cdc_admin"; use 1 to 16 letters and digits, starting with a letter.');
    expect(() => rds({ masterUsername: 'a'.repeat(17) }))
      .toThrow(`test/Db: invalid masterUsername: received "${'a'.repeat(17)}"; use 1 to 16 letters and digits, starting with a letter.`);
    expect(() => rds({ masterUsername: 'rdsadmin' }))
      .toThrow('test/Db: invalid masterUsername: received "rdsadmin"; the engine reserves rdsadmin, rdsrepladmin, rdsproxyadmin, rdstopmgr; choose another name.');
  });

  test('master password revision', () => {
    expect(() => rds({ masterPasswordRevision: 1.5 }))
      .toThrow('test/Db: invalid masterPasswordRevision: received 1.5; must be an integer of at least 1 (bump it to rotate the password).');
  });

  test('no network on the platform', () => {
    expect(() => rds({}, sourceStack({ withoutNetwork: true })))
      .toThrow('test/Db: the RDS mysql source database runs in a private network, but the platform has none. Pass network to the AwsPlatform (new PrivateNetwork(...) or AwsNetwork.fromAttributes(...)).');
  });
});

describe('DocumentDbSourceDatabase validation', () => {
  test('engine version', () => {
    expect(() => docdb({ engineVersion: '3.6.0' })).toThrow('test/Db: invalid engineVersion: received "3.6.0"; use one of 4.0.0, 5.0.0.');
  });

  test('instance class', () => {
    expect(() => docdb({ instanceClass: 'db.r5.large' }))
      .toThrow(`test/Db: invalid instanceClass: received "db.r5.large"; use one of ${DOCUMENTDB_INSTANCE_CLASSES.join(', ')}.`);
  });

  test.each([0, 17, 1.5])('instanceCount %d', (count) => {
    expect(() => docdb({ instanceCount: count })).toThrow(`test/Db: invalid instanceCount: received ${count}; must be an integer from 1 to 16.`);
  });

  test.each([0, 169])('changeStreamRetentionHours %d', (hours) => {
    expect(() => docdb({ changeStreamRetentionHours: hours }))
      .toThrow(`test/Db: invalid changeStreamRetentionHours: received ${hours}; must be an integer from 1 to 168.`);
  });

  test.each([0, 36])('backupRetentionDays %d', (days) => {
    expect(() => docdb({ backupRetentionDays: days })).toThrow(`test/Db: invalid backupRetentionDays: received ${days}; must be an integer from 1 to 35.`);
  });

  test('reserved master user names', () => {
    expect(() => docdb({ masterUsername: 'admin' }))
      .toThrow('test/Db: invalid masterUsername: received "admin"; the engine reserves admin, root, serviceadmin; choose another name.');
  });

  test('masterPasswordRevision', () => {
    expect(() => docdb({ masterPasswordRevision: 0 }))
      .toThrow('test/Db: invalid masterPasswordRevision: received 0; must be an integer of at least 1 (bump it to rotate the password).');
  });

  test('no network on the platform', () => {
    expect(() => docdb({}, sourceStack({ withoutNetwork: true })))
      .toThrow('test/Db: the DocumentDB source database runs in a private network, but the platform has none. Pass network to the AwsPlatform (new PrivateNetwork(...) or AwsNetwork.fromAttributes(...)).');
  });
});
