import { App, Testing, TerraformStack } from 'cdktf';

/** Synthesized stack as parsed JSON, with helpers to find resources by type. */
export interface Synthesized {
  readonly json: any;
  /** Resources of a type, keyed by their Terraform logical name. */
  resources(type: string): Record<string, any>;
  /** The only resource of a type (fails if there is not exactly one). */
  only(type: string): any;
  /** Data sources of a type. */
  data(type: string): Record<string, any>;
}

/** A fresh app + stack for one test. */
export function newStack(id = 'test'): TerraformStack {
  const app: App = Testing.app();
  return new TerraformStack(app, id);
}

/** Synthesizes a stack (running validations and aspects) and parses the result. */
export function synth(stack: TerraformStack): Synthesized {
  const json = JSON.parse(Testing.synth(stack, true));
  return {
    json,
    resources: (type) => json.resource?.[type] ?? {},
    data: (type) => json.data?.[type] ?? {},
    only(type) {
      const all = Object.values(json.resource?.[type] ?? {});
      if (all.length !== 1) throw new Error(`expected exactly one ${type}, found ${all.length}`);
      return all[0];
    },
  };
}

/** `${type.logicalId.attr}` of the one resource (or data source) whose logical id contains `idContains`. */
export function ref(out: Synthesized, type: string, idContains: string, attr: string, data = false): string {
  const ids = Object.keys(data ? out.data(type) : out.resources(type)).filter((id) => id.includes(idContains));
  expect(ids).toHaveLength(1);
  return '$' + `{${data ? 'data.' : ''}${type}.${ids[0]}.${attr}}`;
}

/** The parsed policy document of the one aws_iam_role_policy named `name`. */
export function policyNamed(out: Synthesized, name: string): any {
  const matches = Object.values(out.resources('aws_iam_role_policy')).filter((p: any) => p.name === name);
  expect(matches).toHaveLength(1);
  return JSON.parse((matches[0] as any).policy);
}
