import { Testing, TerraformOutput, TerraformStack } from 'cdktf';
import { AwsPlatform, KeyStrategy, PrivateNetwork } from '../../../../../src';
import { newStack, Synthesized } from '../../../../support/synth';

/** Platform options of the fixture stacks. */
export interface SourceFixtureOptions {
  readonly allowDataDestruction?: boolean;
  readonly keyStrategy?: KeyStrategy;
  /** Add no network to the platform. */
  readonly withoutNetwork?: boolean;
}

/** A stack with an AWS platform (`acme`, eu-west-1) and a PrivateNetwork registered with it. */
export function sourceStack(options: SourceFixtureOptions = {}): TerraformStack {
  const stack = newStack();
  new AwsPlatform(stack, 'Platform', {
    region: 'eu-west-1',
    namePrefix: 'acme',
    allowDataDestruction: options.allowDataDestruction,
    keyStrategy: options.keyStrategy,
  });
  if (!options.withoutNetwork) new PrivateNetwork(stack, 'Network');
  return stack;
}

/** Logical id of the only resource of `type` whose id starts with `prefix_` (the construct path, "_"-joined). */
export function idOf(out: Synthesized, type: string, prefix: string): string {
  const ids = Object.keys(out.resources(type)).filter((id) => id.startsWith(`${prefix}_`));
  if (ids.length !== 1) throw new Error(`expected one ${type} under ${prefix}, found ${ids.join(', ') || 'none'} (all: ${Object.keys(out.resources(type)).join(', ')})`);
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

/** `type.logicalId` of the resource of `type` under `prefix` (a depends_on entry). */
export function addressUnder(out: Synthesized, type: string, prefix: string): string {
  return `${type}.${idOf(out, type, prefix)}`;
}

let outputs = 0;

/** What Terraform receives for `value` (a token resolved in the synthesized stack). Adds an output to `stack`. */
export function resolved(stack: TerraformStack, value: unknown): unknown {
  const id = `Resolved${++outputs}`;
  new TerraformOutput(stack, id, { value });
  const json = JSON.parse(Testing.synth(stack));
  return json.output[Object.keys(json.output).find((k) => k.startsWith(id))!].value;
}
