import { Construct } from 'constructs';
import { unknownZone, importedLakeGrant } from './lake-errors';
import { invalidConfig } from '../../../core/errors';
import { IIdentity } from '../../../identity/identity';
import { IStreamDestination } from '../../../streaming/destination';
import { IDataLake, LakeDestinationOptions, TableFormat } from '../../data-lake-contract';
import { KubernetesDataLakeAttributes } from '../kubernetes-data-lake-attributes';

/** A lake the stack does not manage. @internal */
export class ImportedKubernetesDataLake extends Construct implements IDataLake {
  public readonly zoneNames: string[];
  public readonly tableFormat = TableFormat.ICEBERG;
  public readonly sqlEndpoint: string;
  public readonly metastoreUri: string;

  constructor(scope: Construct, id: string, private readonly attrs: KubernetesDataLakeAttributes) {
    super(scope, id);
    this.zoneNames = [...attrs.zoneNames];
    this.sqlEndpoint = attrs.sqlEndpoint;
    this.metastoreUri = attrs.metastoreUri;
  }

  public zoneLocation(zone: string): string {
    this.check(zone);
    return `s3://${this.attrs.bucketPrefix}-${zone}/`;
  }

  public databaseName(zone: string): string {
    this.check(zone);
    return zone.replace(/-/g, '_');
  }

  public grantRead(identity: IIdentity, zone: string): void {
    throw importedLakeGrant(this, identity, zone, 'Read');
  }

  public grantWrite(identity: IIdentity, zone: string): void {
    throw importedLakeGrant(this, identity, zone, 'Write');
  }

  public destination(_options: LakeDestinationOptions): IStreamDestination {
    throw invalidConfig(this, 'an imported KubernetesDataLake cannot create Kafka Connect deliveries (its S3 key Secret and Connect cluster are unknown here); call destination() on the stack that creates the lake.');
  }

  private check(zone: string): void {
    if (!this.zoneNames.includes(zone)) throw unknownZone(this, zone, this.zoneNames);
  }
}
