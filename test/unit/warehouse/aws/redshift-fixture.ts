import { Testing, TerraformOutput, TerraformStack } from 'cdktf';
import { AwsPlatform, KeyStrategy, PrivateNetwork } from '../../../../src';
import { RedshiftWarehouse, RedshiftWarehouseProps } from '../../../../src/warehouse/aws';
import { WarehouseTableDefinition } from '../../../../src/warehouse/warehouse-contract';
import { newStack, Synthesized } from '../../../support/synth';

/** Platform options of the fixture stacks. */
export interface FixtureOptions {
  readonly allowDataDestruction?: boolean;
  readonly keyStrategy?: KeyStrategy;
  readonly region?: string;
  /** Add no network to the platform. */
  readonly withoutNetwork?: boolean;
}

/** A stack with an AWS platform (`acme`, eu-west-1 unless told) and a PrivateNetwork registered with it. */
export function awsStack(options: FixtureOptions = {}): TerraformStack {
  const stack = newStack();
  new AwsPlatform(stack, 'Platform', {
    region: options.region ?? 'eu-west-1',
    namePrefix: 'acme',
    allowDataDestruction: options.allowDataDestruction,
    keyStrategy: options.keyStrategy,
  });
  if (!options.withoutNetwork) new PrivateNetwork(stack, 'Network');
  return stack;
}

/** Two tables: `public.events` and `sales.orders`. */
export const TABLES: WarehouseTableDefinition[] = [
  {
    name: 'events',
    columns: [
      { name: 'id', type: 'bigint', nullable: false },
      { name: 'kind', type: 'varchar(64)' },
      { name: 'at', type: 'timestamp' },
    ],
  },
  { name: 'orders', schema: 'sales', columns: [{ name: 'order_id', type: 'bigint', nullable: false }, { name: 'total', type: 'numeric(10,2)' }] },
];

/** A stack with a warehouse "Warehouse" built from `props` (the tables above unless given). */
export function warehouseStack(
  props: RedshiftWarehouseProps = {},
  options: FixtureOptions = {},
): { stack: TerraformStack; warehouse: RedshiftWarehouse } {
  const stack = awsStack(options);
  const warehouse = new RedshiftWarehouse(stack, 'Warehouse', { tables: TABLES, ...props });
  return { stack, warehouse };
}

/** Logical id of the only resource of `type` whose id starts with `prefix_` (the construct path, "_"-joined). */
export function idOf(out: Synthesized, type: string, prefix: string): string {
  const ids = Object.keys(out.resources(type)).filter((id) => id.startsWith(`${prefix}_`));
  if (ids.length !== 1) throw new Error(`expected one ${type} under ${prefix}, found ${ids.join(', ') || 'none'}`);
  return ids[0];
}

/** The resource of `type` under construct path `prefix`. */
export function under(out: Synthesized, type: string, prefix: string): any {
  return out.resources(type)[idOf(out, type, prefix)];
}

/** `${type.logicalId.attr}` of the resource of `type` under `prefix`. */
export function refUnder(out: Synthesized, type: string, prefix: string, attr: string): string {
  return '$' + `{${type}.${idOf(out, type, prefix)}.${attr}}`;
}

/** The SQL of every Data API statement, in creation order (their logical ids sort by construct order only by chance, so follow depends_on). */
export function statementsInOrder(out: Synthesized): { id: string; sql: string; dependsOn: string[] }[] {
  return Object.entries(out.resources('aws_redshiftdata_statement')).map(([id, s]: [string, any]) => ({ id, sql: s.sql, dependsOn: s.depends_on ?? [] }));
}

/** The SQL of the statements whose logical id contains `part`. */
export function sqlOf(out: Synthesized, part: string): string[] {
  return statementsInOrder(out).filter((s) => s.id.includes(part)).map((s) => s.sql);
}

/** The account id and partition tokens of the platform. */
export function platformRefs(out: Synthesized): { account: string; partition: string } {
  return {
    account: '$' + `{data.aws_caller_identity.${Object.keys(out.data('aws_caller_identity'))[0]}.account_id}`,
    partition: '$' + `{data.aws_partition.${Object.keys(out.data('aws_partition'))[0]}.partition}`,
  };
}

let outputs = 0;

/** What Terraform receives for `value` (a token resolved in the synthesized stack). Adds an output to `stack`. */
export function resolved(stack: TerraformStack, value: unknown): unknown {
  const id = `Resolved${++outputs}`;
  new TerraformOutput(stack, id, { value });
  const json = JSON.parse(Testing.synth(stack));
  return json.output[Object.keys(json.output).find((k) => k.startsWith(id))!].value;
}
