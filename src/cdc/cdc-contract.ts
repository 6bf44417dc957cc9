import { IConstruct } from 'constructs';
import { IDataLake } from '../lake/data-lake-contract';
import { ICredential } from '../secrets/secret-store-contract';
import { IStreamingIngest } from '../streaming/streaming-ingest-contract';

/** Database engines a CdcSource captures changes from. */
export enum SourceEngine {
  /** MySQL (binlog in ROW format with full row images). */
  MYSQL = 'mysql',
  /** PostgreSQL (logical replication, pgoutput). */
  POSTGRESQL = 'postgresql',
  /** MongoDB (change streams; a replica set). */
  MONGODB = 'mongodb',
}

/** What a CdcSource captures first. */
export enum CdcMode {
  /** A consistent snapshot of the selected tables, then every change after it (the default). */
  SNAPSHOT_THEN_STREAM = 'snapshot-then-stream',
  /** Changes from now on only (no snapshot). */
  STREAM_ONLY = 'stream-only',
}

/** Default capture mode. */
export const DEFAULT_CDC_MODE = CdcMode.SNAPSHOT_THEN_STREAM;

/**
 * A database a CdcSource reads: created by this library (RDS, DocumentDB, CloudNativePG, the MongoDB
 * operator, a MySQL StatefulSet) or an existing one (`SourceDatabase.fromAttributes`).
 */
export interface ISourceDatabase extends IConstruct {
  /** The engine. */
  readonly engine: SourceEngine;
  /** Host name clients connect to. */
  readonly host: string;
  /** Port clients connect to. */
  readonly port: number;
  /** Database the captured tables live in (PostgreSQL: the database; MySQL and MongoDB: informational). */
  readonly databaseName: string;
  /**
   * The credential of the user CDC connects as (replication privileges, read on the captured
   * tables); see the README for what a DBA must grant on an existing database.
   */
  readonly cdcCredential: ICredential;
  /** Whether clients must use TLS (the library's databases always do). */
  readonly tlsRequired: boolean;
}

/** Attributes of an existing source database. */
export interface SourceDatabaseAttributes {
  /** The engine. */
  readonly engine: SourceEngine;
  /** Host name. */
  readonly host: string;
  /** Port. */
  readonly port: number;
  /** Database name. */
  readonly databaseName: string;
  /** Credential of the CDC user (from a SecretStore, or `Credential.fromAttributes`). */
  readonly cdcCredential: ICredential;
  /**
   * Whether clients must use TLS.
   * @default true
   */
  readonly tlsRequired?: boolean;
}

/** Where a CdcSource publishes change events. */
export enum CdcTargetKind {
  /** A StreamingIngest (Kinesis or Kafka): one stream/topic, records keyed by table and primary key. */
  STREAM = 'stream',
  /** Straight into a zone of a DataLake (AWS: DMS writes Parquet files with the change columns). */
  LAKE = 'lake',
}

/** Where a CdcSource publishes change events: `CdcTarget.stream(...)` or `CdcTarget.lake(...)`. */
export class CdcTarget {
  /** Every change, in commit order per key, into `stream`. */
  public static stream(stream: IStreamingIngest): CdcTarget {
    return new CdcTarget(CdcTargetKind.STREAM, stream, undefined, undefined);
  }

  /** Every change into `zone` of `lake` (the full load, then CDC files). */
  public static lake(lake: IDataLake, zone: string): CdcTarget {
    return new CdcTarget(CdcTargetKind.LAKE, undefined, lake, zone);
  }

  private constructor(
    /** The kind of target. */
    public readonly kind: CdcTargetKind,
    /** The stream (STREAM). */
    public readonly targetStream: IStreamingIngest | undefined,
    /** The lake (LAKE). */
    public readonly targetLake: IDataLake | undefined,
    /** The lake zone (LAKE). */
    public readonly targetZone: string | undefined,
  ) {}
}

/**
 * Change data capture: every insert, update and delete of the selected tables (collections) of a
 * source database, published in commit order per key to a StreamingIngest or a lake zone.
 * Implemented by AWS DMS on AWS and by Debezium on Strimzi Kafka Connect on Kubernetes.
 */
export interface ICdcSource extends IConstruct {
  /** The source engine. */
  readonly engine: SourceEngine;
  /** Name of the capture (task or connector name). */
  readonly captureName: string;
  /** The include patterns, as given. */
  readonly include: string[];
  /** The exclude patterns, as given. */
  readonly exclude: string[];
  /** The capture mode. */
  readonly mode: CdcMode;
}

/** Props every CdcSource backend accepts. */
export interface CdcSourceBaseProps {
  /** The database to capture from. */
  readonly source: ISourceDatabase;
  /**
   * Tables (MySQL: `database.table`; PostgreSQL: `schema.table`; MongoDB: `database.collection`) to
   * capture; `*` matches any run of characters inside one part (`sales.*`, `*.orders`).
   */
  readonly include: string[];
  /**
   * Tables to leave out, same syntax (applied after `include`).
   * @default - none
   */
  readonly exclude?: string[];
  /** Where the changes go. */
  readonly target: CdcTarget;
  /**
   * Snapshot first, or changes only.
   * @default CdcMode.SNAPSHOT_THEN_STREAM
   */
  readonly mode?: CdcMode;
  /**
   * Name of the capture, appended to the platform's namePrefix.
   * @default - the construct id in kebab case
   */
  readonly captureName?: string;
}
