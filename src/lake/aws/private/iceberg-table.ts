import { GlueCatalogTable } from '@cdktf/provider-aws/lib/glue-catalog-table';
import { Construct } from 'constructs';
import { Annotations } from '../../../core/cdktf';
import { AwsPlatform } from '../../../platform/aws/aws-platform';
import { RemovalPolicy } from '../../../platform/platform';
import { LakeTableDefinition } from '../../data-lake-contract';
import { ICEBERG_FORMAT_VERSION } from '../aws-data-lake-props';
import { zoneDatabaseName } from './lake-validation';

/**
 * What Terraform leaves to the table's engines after creating it: Glue's parameters (the Iceberg
 * `metadata_location` each commit moves) and the storage descriptor (schema evolution happens
 * through Athena/Spark `ALTER TABLE`; Glue UpdateTable does not change Iceberg metadata).
 */
export const ICEBERG_TABLE_IGNORED_CHANGES = ['parameters', 'storage_descriptor', 'open_table_format_input'];

/**
 * Props of {@link IcebergTable}.
 * @internal
 */
export interface IcebergTableProps {
  readonly table: LakeTableDefinition;
  readonly databaseName: string;
  /** The zone's location, ending in "/". */
  readonly zoneLocation: string;
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * An Iceberg table created through Glue (`open_table_format_input.iceberg_input`, metadata
 * operation CREATE): an EXTERNAL_TABLE at `<zone location><table>/` with the declared columns.
 *
 * Partition keys are not sent: Glue CreateTable rejects partition keys on Iceberg tables ("Cannot
 * create partitions in an iceberg table"), and the partition spec input arrived only with AWS
 * provider 6 (hashicorp/terraform-provider-aws#36531). The table is created unpartitioned with a
 * warning; its first writer sets the spec (`ALTER TABLE ... ADD PARTITION FIELD`, Spark).
 * @internal
 */
export class IcebergTable extends Construct {
  public readonly table: GlueCatalogTable;
  public readonly location: string;

  constructor(scope: Construct, id: string, props: IcebergTableProps) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    const { table } = props;
    this.location = `${props.zoneLocation}${table.name}/`;
    this.table = new GlueCatalogTable(this, 'Table', {
      name: table.name,
      databaseName: props.databaseName,
      tableType: 'EXTERNAL_TABLE',
      openTableFormatInput: { icebergInput: { metadataOperation: 'CREATE', version: ICEBERG_FORMAT_VERSION } },
      storageDescriptor: {
        location: this.location,
        columns: table.columns.map((c) => ({ name: c.name, type: c.type, comment: c.comment })),
      },
      lifecycle: { ignoreChanges: ICEBERG_TABLE_IGNORED_CHANGES },
    });
    platform.protect(this.table, props.removalPolicy);
    const keys = table.partitionKeys ?? [];
    if (keys.length > 0) {
      const qualified = `${zoneDatabaseName(platform.namePrefix, table.zone)}.${table.name}`;
      Annotations.of(this).addWarning(
        `table "${table.name}" is created unpartitioned: Glue cannot create a partitioned Iceberg table with AWS provider 5.x. `
        + `Set the partition spec from its first writer, for example in Spark: ${keys.map((k) => `ALTER TABLE ${qualified} ADD PARTITION FIELD ${k}`).join('; ')}.`,
      );
    }
  }
}
