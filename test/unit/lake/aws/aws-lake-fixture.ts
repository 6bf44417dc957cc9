import { TerraformStack } from 'cdktf';
import { AwsPlatform, KeyStrategy } from '../../../../src';
import { newStack, Synthesized } from '../../../support/synth';

/** A stack with an AWS platform (`acme`, eu-west-1). */
export function awsStack(options: { allowDataDestruction?: boolean; keyStrategy?: KeyStrategy } = {}): TerraformStack {
  const stack = newStack();
  new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme', ...options });
  return stack;
}

/** Logical id of the only resource of `type` whose id starts with `prefix_` (the construct path, "_"-joined). */
export function idOf(out: Synthesized, type: string, prefix: string): string {
  const ids = Object.keys(out.resources(type)).filter((id) => id.startsWith(`${prefix}_`));
  if (ids.length !== 1) throw new Error(`expected one ${type} under ${prefix}, found ${ids.join(', ') || 'none'}`);
  return ids[0];
}

/** The resource of `type` under construct path `prefix` (for example "Lake_Zone-raw_Bucket"). */
export function under(out: Synthesized, type: string, prefix: string): any {
  return out.resources(type)[idOf(out, type, prefix)];
}

/** `${type.logicalId.attr}` of the resource of `type` under `prefix`. */
export function ref(out: Synthesized, type: string, prefix: string, attr: string): string {
  return '$' + `{${type}.${idOf(out, type, prefix)}.${attr}}`;
}

/** Every resource of `type`, without cdktf's metadata. */
export function all(out: Synthesized, type: string): any[] {
  return Object.values(out.resources(type)).map((r: any) => {
    const { ['//']: _metadata, ...rest } = r;
    return rest;
  });
}

/** The platform's account id and partition tokens, and the shared key's ARN (when the stack has one). */
export function platformRefs(out: Synthesized): { account: string; partition: string; sharedKeyArn: string } {
  return {
    account: '$' + `{data.aws_caller_identity.${Object.keys(out.data('aws_caller_identity'))[0]}.account_id}`,
    partition: '$' + `{data.aws_partition.${Object.keys(out.data('aws_partition'))[0]}.partition}`,
    sharedKeyArn: Object.keys(out.resources('aws_kms_key')).some((id) => id.startsWith('Platform_SharedKey_'))
      ? ref(out, 'aws_kms_key', 'Platform_SharedKey', 'arn')
      : '(no shared key)',
  };
}

/** Glue ARNs (catalog, database, tables) of a database reference, as grants write them. */
export function glueArnsOf(out: Synthesized, databaseRef: string): string[] {
  const { account, partition } = platformRefs(out);
  const arn = (r: string) => `arn:${partition}:glue:eu-west-1:${account}:${r}`;
  return [arn('catalog'), arn(`database/${databaseRef}`), arn(`table/${databaseRef}/*`)];
}

/** The parsed policy document of the inline role policy whose name is `name`. */
export function rolePolicy(out: Synthesized, name: string): { role: string; statements: any[] } {
  const policies = all(out, 'aws_iam_role_policy').filter((p) => p.name === name);
  if (policies.length !== 1) throw new Error(`expected one role policy named ${name}, found ${policies.length}`);
  return { role: policies[0].role, statements: JSON.parse(policies[0].policy).Statement };
}
