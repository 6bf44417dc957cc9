import { GlueCatalogDatabase } from '@cdktf/provider-aws/lib/glue-catalog-database';
import { Construct } from 'constructs';
import { LakeZoneAccess } from './lake-grants';
import { ValidZone, zoneDatabaseName } from './lake-validation';
import { ZoneCrawler } from './zone-crawler';
import { AwsPlatform } from '../../../platform/aws/aws-platform';
import { RemovalPolicy } from '../../../platform/platform';
import { DEFAULT_GLACIER_IR_AFTER_DAYS, DEFAULT_INFREQUENT_ACCESS_AFTER_DAYS } from '../../../storage/aws/bucket-defaults';
import { SecureBucket } from '../../../storage/aws/secure-bucket';
import { TableFormat } from '../../data-lake-contract';

/**
 * Props of {@link LakeZone}.
 * @internal
 */
export interface LakeZoneProps {
  readonly zone: ValidZone;
  readonly tableFormat: TableFormat;
  readonly crawlerSchedule: string;
  readonly securityConfigurationName: string;
  readonly catalogKeyArn: string;
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * One zone of the lake: its SecureBucket (`<namePrefix>-<zone>`, tiering and expiry from the zone
 * options), its Glue database (`<namePrefix>_<zone>`, located at the zone's root) and its crawler.
 * @internal
 */
export class LakeZone extends Construct {
  public readonly name: string;
  public readonly bucket: SecureBucket;
  public readonly database: GlueCatalogDatabase;
  /** `s3://<bucket>/`. */
  public readonly location: string;
  public readonly crawler: ZoneCrawler;

  constructor(scope: Construct, id: string, props: LakeZoneProps) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    const { name, infrequentAccessAfterDays, expireAfterDays } = props.zone;
    this.name = name;
    this.bucket = new SecureBucket(this, 'Bucket', {
      name,
      infrequentAccessAfterDays,
      // Keeps the default 60 days between the two transitions when the zone tiers later.
      glacierAfterDays: infrequentAccessAfterDays + DEFAULT_GLACIER_IR_AFTER_DAYS - DEFAULT_INFREQUENT_ACCESS_AFTER_DAYS,
      expireAfterDays,
      removalPolicy: props.removalPolicy,
    });
    this.location = `s3://${this.bucket.bucketName}/`;
    this.database = new GlueCatalogDatabase(this, 'Database', {
      name: zoneDatabaseName(platform.namePrefix, name),
      description: `The ${name} zone of the ${platform.namePrefix} lake (cdktf-data-pipelines)`,
      locationUri: this.location,
    });
    platform.protect(this.database, props.removalPolicy);
    this.crawler = new ZoneCrawler(this, 'Crawler', {
      zone: name,
      bucketArn: this.bucket.bucketArn,
      bucketKeyArn: this.bucket.encryptionKey.keyArn,
      location: this.location,
      databaseName: this.database.name,
      tableFormat: props.tableFormat,
      schedule: props.crawlerSchedule,
      securityConfigurationName: props.securityConfigurationName,
      catalogKeyArn: props.catalogKeyArn,
    });
  }

  /** What grants on this zone need. */
  public access(): LakeZoneAccess {
    return { name: this.name, bucketArn: this.bucket.bucketArn, keyArn: this.bucket.encryptionKey.keyArn, databaseName: this.database.name };
  }
}
