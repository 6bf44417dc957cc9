import { App, TerraformStack, Testing } from 'cdktf';
import { EXAMPLES } from '../../../examples';
import { buildReferenceApp } from '../../../stacks/app';

/**
 * Terraform reads every JSON string as a template: `${...}` is an interpolation and `%{...}` a
 * directive. Literal text bound for the cluster or an application (Kafka Connect's
 * `${secrets:...}`, Logstash's `${VAR}`, Grafana's `${datasource}`) must be escaped as `$${` /
 * `%%{`, or `terraform plan` fails. Tier 2 cannot validate the Kubernetes stacks (the offline mirror
 * holds only the AWS provider), so this check covers every stack and example of both platforms.
 */
const REFERENCE = /^(var|local|data|module|path|terraform|count|each|self)\.|^[a-z][a-z0-9_]*\.[A-Za-z0-9_-]+|^[a-z][a-z0-9_]*\(/;

/** Every unescaped interpolation or directive in the strings of `value` whose content is not a Terraform expression. */
function badTemplates(value: unknown, where: string, out: string[] = []): string[] {
  if (typeof value === 'string') {
    for (const match of value.matchAll(/(^|[^$])\$\{([^}]*)\}/g)) {
      if (!REFERENCE.test(match[2])) out.push(`${where}: \${${match[2]}}`);
    }
    for (const match of value.matchAll(/(^|[^%])%\{([^}]*)\}/g)) out.push(`${where}: %{${match[2]}}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => badTemplates(v, `${where}[${i}]`, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) badTemplates(v, `${where}.${k}`, out);
  }
  return out;
}

function stacksOf(app: App): TerraformStack[] {
  return app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
}

describe('no unescaped Terraform templates in synthesized strings', () => {
  const app = Testing.app();
  buildReferenceApp(app);
  const stacks = stacksOf(app).map((s) => [`stacks/${s.node.id}`, s] as const);
  const examples = EXAMPLES.map((e) => [`examples/${e.name}`, e.build(Testing.app(), {})] as const);

  test.each([...stacks, ...examples])('%s', (_name, stack) => {
    const json = JSON.parse(Testing.synth(stack));
    expect(badTemplates(json.resource ?? {}, 'resource')).toEqual([]);
  });

  test('the check finds an unescaped Kafka Connect secret reference and accepts the escaped one', () => {
    expect(badTemplates({ a: 'x ${secrets:ns/s:k} y' }, 'v')).toEqual(['v.a: ${secrets:ns/s:k}']);
    expect(badTemplates({ a: 'x $${secrets:ns/s:k} y ${aws_s3_bucket.b.arn} ${jsonencode(local.x)} %%{if}' }, 'v')).toEqual([]);
  });
});
