import { IConstruct } from 'constructs';
import { invalidProp } from '../../../../core/errors';
import { IDataLake } from '../../../../lake/data-lake-contract';
import { IStreamingIngest, StreamingEngine } from '../../../../streaming/streaming-ingest-contract';
import { CdcTarget, CdcTargetKind } from '../../../cdc-contract';

/** A Kinesis stream DMS writes to. @internal */
export interface KinesisTarget {
  readonly kind: 'kinesis';
  readonly stream: IStreamingIngest;
  readonly streamArn: string;
}

/** A lake zone DMS writes Parquet files to. @internal */
export interface LakeTarget {
  readonly kind: 's3';
  readonly lake: IDataLake;
  readonly zone: string;
  readonly bucketName: string;
  readonly keyArn: string;
}

/** @internal */
export type ResolvedTarget = KinesisTarget | LakeTarget;

/** What an AwsDataLake offers beyond the contract: the zone's bucket and its key. */
interface ZoneBuckets {
  zoneBucket(zone: string): { readonly bucketName: string; readonly encryptionKey: { readonly keyArn: string } };
}

function hasZoneBuckets(lake: IDataLake): lake is IDataLake & ZoneBuckets {
  return typeof (lake as Partial<ZoneBuckets>).zoneBucket === 'function';
}

/**
 * Checks that DMS can write to the target and returns what the target endpoint needs. DMS writes to
 * Kinesis streams and to S3; it cannot write to the library's MSK clusters (DMS Kafka targets
 * authenticate with SASL/SCRAM or PLAIN over TLS, TLS client certificates or nothing, while those
 * clusters accept IAM only) nor to Kafka on Kubernetes.
 * @internal
 */
export function resolveTarget(scope: IConstruct, target: CdcTarget): ResolvedTarget {
  if (target.kind === CdcTargetKind.STREAM && target.targetStream) {
    const stream = target.targetStream;
    const received = `${stream.engine} StreamingIngest ${stream.node.path}`;
    switch (stream.engine) {
      case StreamingEngine.KINESIS:
        return { kind: 'kinesis', stream, streamArn: stream.streamArn! };
      case StreamingEngine.MSK:
        throw invalidProp(scope, 'target', received,
          'DMS Kafka targets authenticate with SASL/SCRAM, SASL/PLAIN or TLS client certificates, and MSK clusters of this library accept IAM authentication only; use a Kinesis StreamingIngest');
      default:
        throw invalidProp(scope, 'target', received,
          'DMS cannot write to Kafka on Kubernetes; use a Kinesis StreamingIngest, or the Kubernetes CdcSource (Debezium) for a Kafka target');
    }
  }
  if (target.kind === CdcTargetKind.LAKE && target.targetLake && target.targetZone !== undefined) {
    const lake = target.targetLake;
    const zone = target.targetZone;
    if (!lake.zoneNames.includes(zone)) {
      throw invalidProp(scope, 'target.zone', zone, `use a zone of ${lake.node.path}: ${lake.zoneNames.join(', ')}`);
    }
    if (!hasZoneBuckets(lake)) {
      throw invalidProp(scope, 'target', `lake ${lake.node.path}`,
        'DMS writes the zone\'s files with SSE-KMS under the zone\'s key, which only an AwsDataLake of this app exposes; use an AwsDataLake');
    }
    const bucket = lake.zoneBucket(zone);
    return { kind: 's3', lake, zone, bucketName: bucket.bucketName, keyArn: bucket.encryptionKey.keyArn };
  }
  throw invalidProp(scope, 'target', target.kind, 'use CdcTarget.stream(...) or CdcTarget.lake(...)');
}
