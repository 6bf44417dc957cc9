import { Construct } from 'constructs';
import { TerraformStack } from '../../core/cdktf';
import { invalidConfig, invalidProp } from '../../core/errors';
import { integerInRange } from '../../core/validate';
import { IIdentity } from '../../identity/identity';
import { AwsPlatform } from '../../platform/aws/aws-platform';
import { IEncryptionKey } from '../../platform/aws/encryption-key';
import { ISecureBucket } from '../../storage/aws/secure-bucket';
import { IStreamDestination } from '../../streaming/destination';
import {
  DEFAULT_LAKE_ZONES, DEFAULT_TABLE_FORMAT, IDataLake, LakeDestinationOptions, LakeTableDefinition, TableFormat,
} from '../data-lake-contract';
import {
  AwsDataLakeAttributes, AwsDataLakeProps, DEFAULT_ATHENA_BYTES_SCANNED_CUTOFF, DEFAULT_AUDIT_DATA_EVENTS, DEFAULT_CRAWLER_SCHEDULE,
  DEFAULT_LAKE_FORMATION, MAX_ATHENA_BYTES_SCANNED_CUTOFF, MIN_ATHENA_BYTES_SCANNED_CUTOFF,
} from './aws-data-lake-props';
import { IcebergTable } from './private/iceberg-table';
import { ImportedAwsDataLake } from './private/imported-aws-data-lake';
import { LakeAuditTrail } from './private/lake-audit-trail';
import { LakeCatalog } from './private/lake-catalog';
import { LakeFormationRegistration, grantLakeFormationTo } from './private/lake-formation';
import { grantLakeZone, LakeAccess, lakePolicyPrefix, LakeZoneAccess } from './private/lake-grants';
import { checkCrawlerSchedule, checkTableFormat, unknownZone, validateTables, validateZones, zoneDatabaseName } from './private/lake-validation';
import { LakeWorkgroup } from './private/lake-workgroup';
import { LakeZone } from './private/lake-zone';
import { zoneDestination } from './private/zone-destination';

const LAKE = Symbol.for('cdktf-data-pipelines.aws-data-lake');

/**
 * A zoned data lake on AWS.
 *
 * - Storage: one SecureBucket per zone (`<namePrefix>-<zone>`: SSE-KMS with the platform CMK,
 *   versioned, TLS only, access-logged, tiered, expiring when the zone says so, protected).
 * - Catalog: one Glue database per zone (`<namePrefix>_<zone>`, located at the zone's root), Data
 *   Catalog encryption with the platform CMK (one setting per account and region: deploy one lake
 *   per account and region), a Glue security configuration, and one scheduled crawler per zone
 *   with its own least-privilege role.
 * - Tables: Iceberg tables declared in `tables` are created through Glue (schema, location
 *   `<zone>/<table>/`). Hudi and Delta tables cannot be created from a schema: their writers
 *   (Spark with the Hudi or Delta libraries) create them in the zone and the zone's crawler
 *   registers them in the zone's database from their metadata; declaring `tables` in a Hudi or
 *   Delta lake is an error.
 * - SQL: an Athena workgroup with enforced settings, a per-query scan limit, CloudWatch metrics
 *   and KMS-encrypted results in `<namePrefix>-athena-results`.
 * - Grants per zone: IAM on the bucket, keys and Glue (and Athena for readers); with
 *   `lakeFormation`, Lake Formation registration and permissions too. With `auditDataEvents`, a
 *   CloudTrail trail records every object read and write of the zones.
 */
export class AwsDataLake extends Construct implements IDataLake {
  /** An existing lake, by attributes: grants and destinations on its zones, nothing created. */
  public static fromLakeAttributes(scope: Construct, id: string, attrs: AwsDataLakeAttributes): IDataLake {
    return new ImportedAwsDataLake(scope, id, attrs);
  }

  public readonly zoneNames: string[];
  public readonly tableFormat: TableFormat;
  /** Name of the Athena workgroup (the lake's SQL access point). */
  public readonly workgroupName: string;
  /** Athena's endpoint (`athena.<region>.amazonaws.com:443`): JDBC/ODBC clients use it with the workgroup. */
  public readonly sqlEndpoint: string;
  /** Bucket of the Athena query results. */
  public readonly athenaResultsBucket: ISecureBucket;
  /** Key of the Glue Data Catalog, crawler logs and job bookmarks. */
  public readonly catalogEncryptionKey: IEncryptionKey;
  /** Whether the lake is governed by Lake Formation. */
  public readonly lakeFormation: boolean;
  /** Name of the CloudTrail trail recording data events, when `auditDataEvents` is on. */
  public readonly auditTrailName?: string;
  private readonly zones = new Map<string, LakeZone>();
  private readonly zoneAccess = new Map<string, LakeZoneAccess>();
  private readonly tables: LakeTableDefinition[];
  private readonly access: LakeAccess;

  constructor(scope: Construct, id: string, props: AwsDataLakeProps = {}) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    const stack = TerraformStack.of(this) as any;
    if (stack[LAKE]) {
      throw invalidConfig(this, `stack "${stack.node.id}" already has an AwsDataLake at ${stack[LAKE].node.path}; a stack has one (its buckets, databases, workgroup and the account's catalog encryption are named after the platform).`);
    }
    const zones = validateZones(this, props.zones ?? DEFAULT_LAKE_ZONES);
    this.zoneNames = zones.map((z) => z.name);
    this.tableFormat = checkTableFormat(this, props.tableFormat ?? DEFAULT_TABLE_FORMAT);
    this.tables = validateTables(this, props.tables ?? [], this.zoneNames, this.tableFormat);
    const schedule = checkCrawlerSchedule(this, props.crawlerSchedule ?? DEFAULT_CRAWLER_SCHEDULE);
    const cutoff = integerInRange(this, 'athenaBytesScannedCutoff', props.athenaBytesScannedCutoff,
      MIN_ATHENA_BYTES_SCANNED_CUTOFF, MAX_ATHENA_BYTES_SCANNED_CUTOFF, DEFAULT_ATHENA_BYTES_SCANNED_CUTOFF);
    this.lakeFormation = props.lakeFormation ?? DEFAULT_LAKE_FORMATION;
    Object.defineProperty(stack, LAKE, { value: this, enumerable: false });
    const removalPolicy = props.removalPolicy;

    const catalog = new LakeCatalog(this, 'Catalog', { removalPolicy });
    this.catalogEncryptionKey = catalog.key;
    for (const zone of zones) {
      this.zones.set(zone.name, new LakeZone(this, `Zone-${zone.name}`, {
        zone,
        tableFormat: this.tableFormat,
        crawlerSchedule: schedule,
        securityConfigurationName: catalog.securityConfiguration.name,
        catalogKeyArn: catalog.key.keyArn,
        removalPolicy,
      }));
    }
    const registration = this.lakeFormation
      ? new LakeFormationRegistration(this, 'LakeFormation', { zones: [...this.zones.values()].map((z) => z.access()) })
      : undefined;
    for (const zone of this.zones.values()) {
      const access = { ...zone.access(), registration: registration?.resources[zone.name] };
      this.zoneAccess.set(zone.name, access);
      if (registration) grantLakeFormationTo(this, `crawler-${zone.name}`, zone.crawler.role.arn, access, true);
    }
    for (const table of this.tables) {
      const zone = this.zones.get(table.zone)!;
      new IcebergTable(this, `Table-${table.zone}-${table.name}`, {
        table, databaseName: zone.database.name, zoneLocation: zone.location, removalPolicy,
      });
    }

    const query = new LakeWorkgroup(this, 'Query', { bytesScannedCutoffPerQuery: cutoff, removalPolicy });
    this.workgroupName = query.workgroup.name;
    this.sqlEndpoint = `athena.${platform.region}.amazonaws.com:443`;
    this.athenaResultsBucket = query.resultsBucket;
    this.access = {
      policyPrefix: lakePolicyPrefix(id),
      catalogKeyArn: catalog.key.keyArn,
      workgroupArn: query.workgroup.arn,
      resultsBucketArn: query.resultsBucket.bucketArn,
      resultsKeyArn: query.resultsBucket.encryptionKey.keyArn,
      lakeFormation: this.lakeFormation,
    };
    if (props.auditDataEvents ?? DEFAULT_AUDIT_DATA_EVENTS) {
      const audit = new LakeAuditTrail(this, 'Audit', { bucketArns: [...this.zones.values()].map((z) => z.bucket.bucketArn), removalPolicy });
      this.auditTrailName = audit.trail.name;
    }
  }

  public zoneLocation(zone: string): string {
    return this.zone('zone', zone).location;
  }

  public databaseName(zone: string): string {
    return this.zone('zone', zone).database.name;
  }

  /** The bucket of a zone. */
  public zoneBucket(zone: string): ISecureBucket {
    return this.zone('zone', zone).bucket;
  }

  /** Name of a zone's crawler. */
  public crawlerName(zone: string): string {
    return this.zone('zone', zone).crawler.crawler.name;
  }

  /** Read access to a zone: objects, keys, Glue database and tables, Athena workgroup and results (and Lake Formation SELECT). */
  public grantRead(identity: IIdentity, zone: string): void {
    this.zone('zone', zone);
    grantLakeZone(this, identity, this.zoneAccess.get(zone)!, this.access, false);
  }

  /** Write access to a zone: objects, keys, Glue tables and partitions, never deleting a table (and Lake Formation ALL but DROP). */
  public grantWrite(identity: IIdentity, zone: string): void {
    this.zone('zone', zone);
    grantLakeZone(this, identity, this.zoneAccess.get(zone)!, this.access, true);
  }

  /**
   * A StreamingIngest destination delivering into a zone (Firehose, date/hour partitions,
   * optionally a record field and Parquet conversion against a table of that zone).
   */
  public destination(options: LakeDestinationOptions): IStreamDestination {
    const zone = this.zone('zone', options.zone);
    if (options.parquetTable !== undefined && !this.tables.some((t) => t.zone === zone.name && t.name === options.parquetTable)) {
      const names = this.tables.filter((t) => t.zone === zone.name).map((t) => t.name);
      throw invalidProp(this, 'parquetTable', options.parquetTable, names.length > 0
        ? `use a table of zone "${zone.name}": ${names.join(', ')}`
        : `declare the table in tables with zone "${zone.name}" first (the zone has no tables)`);
    }
    const databaseName = zoneDatabaseName(AwsPlatform.ofAws(this).namePrefix, zone.name);
    return zoneDestination({ name: zone.name, bucket: zone.bucket, databaseName }, options, this.catalogEncryptionKey);
  }

  private zone(prop: string, name: string): LakeZone {
    const zone = this.zones.get(name);
    if (!zone) throw unknownZone(this, prop, name, this.zoneNames);
    return zone;
  }
}
