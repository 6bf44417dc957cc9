import { Construct } from 'constructs';
import { grantLakeZone, LakeAccess, lakePolicyPrefix, LakeZoneAccess } from './lake-grants';
import { checkTableFormat, checkZoneNames, unknownZone } from './lake-validation';
import { zoneDestination } from './zone-destination';
import { IIdentity } from '../../../identity/identity';
import { AwsPlatform } from '../../../platform/aws/aws-platform';
import { SecureBucket } from '../../../storage/aws/secure-bucket';
import { IStreamDestination } from '../../../streaming/destination';
import { DEFAULT_TABLE_FORMAT, IDataLake, LakeDestinationOptions, TableFormat } from '../../data-lake-contract';
import { AwsDataLakeAttributes } from '../aws-data-lake-props';
import { checkGlueName } from '../parquet-conversion';

/**
 * An existing lake, by attributes: nothing is created; grants and destinations work on its zones.
 * @internal
 */
export class ImportedAwsDataLake extends Construct implements IDataLake {
  public readonly zoneNames: string[];
  public readonly tableFormat: TableFormat;
  private readonly attrs: AwsDataLakeAttributes;
  private readonly access: LakeAccess;

  constructor(scope: Construct, id: string, attrs: AwsDataLakeAttributes) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    checkZoneNames(this, attrs.zones.map((z) => z.name));
    attrs.zones.forEach((z, i) => checkGlueName(this, `zones[${i}].databaseName`, z.databaseName));
    this.attrs = attrs;
    this.zoneNames = attrs.zones.map((z) => z.name);
    this.tableFormat = checkTableFormat(this, attrs.tableFormat ?? DEFAULT_TABLE_FORMAT);
    this.access = {
      policyPrefix: lakePolicyPrefix(id),
      catalogKeyArn: attrs.catalogKmsKeyArn,
      workgroupArn: attrs.workgroupName === undefined ? undefined : `arn:${platform.partition}:athena:${platform.region}:${platform.accountId}:workgroup/${attrs.workgroupName}`,
      resultsBucketArn: attrs.athenaResultsBucketName === undefined ? undefined : `arn:${platform.partition}:s3:::${attrs.athenaResultsBucketName}`,
      resultsKeyArn: attrs.athenaResultsKmsKeyArn,
      lakeFormation: attrs.lakeFormation ?? false,
    };
  }

  public zoneLocation(zone: string): string {
    return `s3://${this.zone('zone', zone).bucketName}/`;
  }

  public databaseName(zone: string): string {
    return this.zone('zone', zone).databaseName;
  }

  public grantRead(identity: IIdentity, zone: string): void {
    grantLakeZone(this, identity, this.zoneAccess(zone), this.access, false);
  }

  public grantWrite(identity: IIdentity, zone: string): void {
    grantLakeZone(this, identity, this.zoneAccess(zone), this.access, true);
  }

  public destination(options: LakeDestinationOptions): IStreamDestination {
    const zone = this.zone('zone', options.zone);
    const bucket = SecureBucket.fromAttributes(this, { bucketName: zone.bucketName, kmsKeyArn: zone.kmsKeyArn });
    const catalogKey = this.attrs.catalogKmsKeyArn === undefined ? undefined : { keyArn: this.attrs.catalogKmsKeyArn };
    return zoneDestination({ name: zone.name, bucket, databaseName: zone.databaseName }, options, catalogKey);
  }

  private zone(prop: string, name: string) {
    const zone = this.attrs.zones.find((z) => z.name === name);
    if (!zone) throw unknownZone(this, prop, name, this.zoneNames);
    return zone;
  }

  private zoneAccess(name: string): LakeZoneAccess {
    const zone = this.zone('zone', name);
    const bucketArn = SecureBucket.fromAttributes(this, { bucketName: zone.bucketName, kmsKeyArn: zone.kmsKeyArn }).bucketArn;
    return { name: zone.name, bucketArn, keyArn: zone.kmsKeyArn, databaseName: zone.databaseName };
  }
}
