import { KinesisFirehoseDeliveryStreamExtendedS3ConfigurationDataFormatConversionConfiguration } from '@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream';
import { Construct } from 'constructs';
import { invalidProp } from '../../core/errors';
import { isUnresolved } from '../../core/validate';
import { attachRolePolicy, PolicyStatement } from '../../identity/aws-grant';
import { AwsPlatform } from '../../platform/aws/aws-platform';
import { IEncryptionKey } from '../../platform/aws/encryption-key';
import { IRecordFormatConversion } from '../../streaming/aws/s3-destination';
import { FirehoseBindOptions } from '../../streaming/destination';

/** Compression of the columns inside the Parquet files Firehose writes. */
export enum ParquetCompression {
  /** Snappy: fast, splittable, what Athena, Glue and Spark expect by default. */
  SNAPPY = 'SNAPPY',
  /** GZIP: smaller files, slower to write and read. */
  GZIP = 'GZIP',
  /** No compression (an explicit opt-out). */
  UNCOMPRESSED = 'UNCOMPRESSED',
}

/** Default column compression of converted records. */
export const DEFAULT_PARQUET_COMPRESSION = ParquetCompression.SNAPPY;

/** Table version Firehose reads the schema from (the latest, so schema changes apply). */
export const PARQUET_SCHEMA_VERSION = 'LATEST';

/** What Firehose needs to read a table's schema from the Glue Data Catalog. */
export const GLUE_SCHEMA_ACTIONS = ['glue:GetTable', 'glue:GetTableVersion', 'glue:GetTableVersions'];

/**
 * A Glue database or table name: lowercase letters, digits, underscores and hyphens, at most 255
 * characters (Glue lowercases names; the IAM resource ARNs must match them).
 */
const GLUE_NAME = /^[a-z0-9_][a-z0-9_-]{0,254}$/;

/** Props of {@link ParquetConversion}. */
export interface ParquetConversionProps {
  /** Glue database of the table whose schema records are converted against. */
  readonly databaseName: string;
  /** Glue table whose columns define the Parquet schema. */
  readonly tableName: string;
  /**
   * Column compression.
   * @default ParquetCompression.SNAPPY
   */
  readonly compression?: ParquetCompression;
  /**
   * KMS key of the Data Catalog, when the catalog is encrypted (Firehose decrypts the table with it).
   * @default - the catalog is not encrypted with a customer-managed key
   */
  readonly catalogEncryptionKey?: IEncryptionKey;
}

/**
 * Converts JSON records to Parquet on delivery, against the schema of a Glue table: input read
 * with the OpenX JSON SerDe, output written with the Parquet SerDe (Snappy by default). Grants the
 * delivery role `glue:GetTable*` on the catalog, the database and that table only.
 */
export class ParquetConversion implements IRecordFormatConversion {
  constructor(private readonly props: ParquetConversionProps) {}

  public bindFormatConversion(
    scope: Construct,
    options: FirehoseBindOptions,
  ): KinesisFirehoseDeliveryStreamExtendedS3ConfigurationDataFormatConversionConfiguration {
    const { databaseName, tableName, catalogEncryptionKey } = this.props;
    checkGlueName(scope, 'databaseName', databaseName);
    checkGlueName(scope, 'tableName', tableName);
    const compression = this.props.compression ?? DEFAULT_PARQUET_COMPRESSION;
    if (!Object.values(ParquetCompression).includes(compression)) {
      throw invalidProp(scope, 'compression', compression, `use one of ${Object.values(ParquetCompression).join(', ')}`);
    }
    const platform = AwsPlatform.ofAws(scope);
    const arn = (resource: string) => `arn:${platform.partition}:glue:${platform.region}:${platform.accountId}:${resource}`;
    const statements: PolicyStatement[] = [
      { actions: GLUE_SCHEMA_ACTIONS, resources: [arn('catalog'), arn(`database/${databaseName}`), arn(`table/${databaseName}/${tableName}`)] },
    ];
    if (catalogEncryptionKey) statements.push({ actions: ['kms:Decrypt'], resources: [catalogEncryptionKey.keyArn] });
    attachRolePolicy(scope, 'GlueSchemaPolicy', options.role.name, statements);
    return {
      enabled: true,
      inputFormatConfiguration: { deserializer: { openXJsonSerDe: {} } },
      outputFormatConfiguration: { serializer: { parquetSerDe: { compression } } },
      schemaConfiguration: { databaseName, tableName, roleArn: options.role.arn, versionId: PARQUET_SCHEMA_VERSION },
    };
  }
}

/**
 * Checks a Glue database or table name (tokens pass).
 * @internal
 */
export function checkGlueName(scope: Construct, prop: string, name: string): void {
  if (isUnresolved(name) || GLUE_NAME.test(name)) return;
  throw invalidProp(scope, prop, name, 'use 1 to 255 lowercase letters, digits, underscores and hyphens (Glue stores names in lowercase)');
}
