import { Construct } from 'constructs';
import { IEncryptionKey } from '../../../platform/aws/encryption-key';
import { ISecureBucket } from '../../../storage/aws/secure-bucket';
import { FirehoseBindOptions, FirehoseDestinationConfig, IStreamDestination } from '../../../streaming/destination';
import { LakeDestinationOptions } from '../../data-lake-contract';
import { LakeDestination } from '../lake-destination';

/**
 * A zone as a destination needs it.
 * @internal
 */
export interface DestinationZone {
  readonly name: string;
  readonly bucket: ISecureBucket;
  /** Literal (token-free) database name, for the Parquet schema lookup. */
  readonly databaseName: string;
}

/**
 * The stream's name from the resource suffix a StreamingIngest binds with (`<stream>-<destination>`).
 * @internal
 */
export function streamNameOf(resourceSuffix: string, destinationName: string): string {
  const suffix = `-${destinationName}`;
  return resourceSuffix.endsWith(suffix) && resourceSuffix.length > suffix.length ? resourceSuffix.slice(0, -suffix.length) : resourceSuffix;
}

/**
 * A LakeDestination whose key prefix is the name of the stream it is bound to (the contract's
 * default), built when the stream binds it.
 * @internal
 */
export class StreamNamedLakeDestination implements IStreamDestination {
  constructor(
    public readonly destinationName: string,
    private readonly build: (prefix: string) => LakeDestination,
  ) {}

  public bindFirehose(scope: Construct, options: FirehoseBindOptions): FirehoseDestinationConfig {
    return this.build(streamNameOf(options.resourceSuffix, this.destinationName)).bindFirehose(scope, options);
  }

  /** Delegates to LakeDestination (which is AWS-only and says so). */
  public bindKafkaConnect(scope: Construct, options: { readonly resourceSuffix: string }): void {
    (this.build(streamNameOf(options.resourceSuffix, this.destinationName)) as any).bindKafkaConnect(scope, options);
  }
}

/**
 * The destination of `lake.destination(options)` for a validated zone: `lake-<zone>`, into the
 * zone's bucket, under `options.prefix` or the stream's name, converting to Parquet against
 * `options.parquetTable` of the zone's database when given.
 * @internal
 */
export function zoneDestination(zone: DestinationZone, options: LakeDestinationOptions, catalogEncryptionKey?: IEncryptionKey): IStreamDestination {
  const destinationName = `lake-${zone.name}`;
  const build = (prefix: string) => new LakeDestination({
    destinationName,
    bucket: zone.bucket,
    prefix,
    partitionField: options.partitionField,
    parquet: options.parquetTable === undefined
      ? undefined
      : { databaseName: zone.databaseName, tableName: options.parquetTable, catalogEncryptionKey },
  });
  return options.prefix === undefined ? new StreamNamedLakeDestination(destinationName, build) : build(options.prefix);
}
