import { Construct } from 'constructs';
import { invalidConfig } from '../../../core/errors';
import { FirehoseBindOptions, FirehoseDestinationConfig, IStreamDestination, KafkaConnectBindOptions } from '../../../streaming/destination';
import { DEFAULT_WAREHOUSE_SCHEMA } from '../../warehouse-contract';

/** What a {@link PostgresTableDestination} loads into (implemented by PostgresWarehouse). @internal */
export interface IPostgresTableSink {
  /** Adds the Kafka Connect resources loading `options.topicName` into `schema.table`. */
  addJdbcSink(scope: Construct, options: KafkaConnectBindOptions, schema: string, table: string): void;
}

/** `pg-[<schema>-]<table>`, hyphenated, at most 31 characters (a destination name). @internal */
export function tableDestinationName(schema: string, table: string): string {
  const name = `pg-${schema === DEFAULT_WAREHOUSE_SCHEMA ? '' : `${schema}-`}${table}`.replace(/_/g, '-').slice(0, 31);
  return name.replace(/-+$/, '');
}

/**
 * Loads a Kafka StreamingIngest into a warehouse table through the warehouse's Kafka Connect
 * cluster (Debezium JDBC sink). Kubernetes only.
 * @internal
 */
export class PostgresTableDestination implements IStreamDestination {
  public readonly destinationName: string;

  constructor(private readonly sink: IPostgresTableSink, private readonly schema: string, private readonly table: string) {
    this.destinationName = tableDestinationName(schema, table);
  }

  /** Kubernetes-only: this throws a PipelineValidationError. */
  public bindFirehose(scope: Construct, _options: FirehoseBindOptions): FirehoseDestinationConfig {
    throw invalidConfig(scope, `the PostgresWarehouse destination "${this.destinationName}" loads through Kafka Connect on Kubernetes; use a Kafka StreamingIngest, or a Redshift warehouse's destination on AWS.`);
  }

  public bindKafkaConnect(scope: Construct, options: KafkaConnectBindOptions): void {
    this.sink.addJdbcSink(scope, options, this.schema, this.table);
  }
}
