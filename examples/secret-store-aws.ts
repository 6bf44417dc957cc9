import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { AwsPlatform, Identity, RemovalPolicy, SecretsManagerStore } from '../src';
import { ExampleOptions } from './example';

/**
 * SecretStore on AWS: a generated database credential in Secrets Manager (CMK, 30-day recovery
 * window) whose password comes from an ephemeral random password through a write-only attribute,
 * so it never enters Terraform state; an application role allowed to read it.
 */
export function secretStoreAws(app: App, options: ExampleOptions = {}): TerraformStack {
  const stack = new TerraformStack(app, 'example-secret-store-aws');
  new AwsPlatform(stack, 'Platform', {
    region: 'us-east-1',
    namePrefix: 'example-secrets',
    localEndpoint: options.localEndpointUrl ? { url: options.localEndpointUrl } : undefined,
    allowDataDestruction: options.localEndpointUrl !== undefined,
  });
  const removalPolicy = options.localEndpointUrl ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

  // #region usage
  const store = new SecretsManagerStore(stack, 'Secrets', { removalPolicy });
  const reporting = store.generateCredential('Reporting', { name: 'reporting-db', username: 'reporting' });
  store.grantRead(new Identity(stack, 'ReportJob', { name: 'report-job', awsTrustedServices: ['ecs-tasks.amazonaws.com'] }), reporting);
  // #endregion

  new TerraformOutput(stack, 'secret_arn', { value: reporting.secretArn! });
  return stack;
}
