import * as path from 'path';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { LambdaFunction, LambdaFunctionVpcConfig } from '@cdktf/provider-aws/lib/lambda-function';
import { Construct } from 'constructs';
import { Fn } from '../../../core/cdktf';
import { AwsNameRules } from '../../../core/naming';
import { zipAsset } from '../../../core/zip-asset';
import { attachRolePolicy, PolicyStatement, trustPolicy } from '../../../identity/aws-grant';
import { EncryptedLogGroup } from '../../../observability/aws/encrypted-log-group';
import { AwsPlatform } from '../../../platform/aws/aws-platform';

/** Directory of the bundled OpenSearch functions. @internal */
export const OPENSEARCH_FUNCTIONS_DIR = path.join(__dirname, '..', '..', '..', '..', 'assets', 'lambda', 'opensearch');
/** Runtime of the bundled functions. @internal */
export const OPENSEARCH_FUNCTION_RUNTIME = 'nodejs20.x';

/**
 * Props of {@link BundledFunction}.
 * @internal
 */
export interface BundledFunctionProps {
  /** Name suffix after the namePrefix. */
  readonly name: string;
  readonly description: string;
  /** `<file>.handler` in the bundled directory. */
  readonly handler: string;
  readonly keyArn: string;
  readonly memoryMiB: number;
  readonly timeoutSeconds: number;
  readonly reservedConcurrency: number;
  /** What the function may do besides writing its logs and traces. */
  readonly statements: PolicyStatement[];
  readonly vpcConfig?: LambdaFunctionVpcConfig;
  readonly logRetentionDays?: number;
}

/**
 * One of the bundled OpenSearch functions: its own role (its permissions attached before the
 * function is created), X-Ray tracing, reserved concurrency, KMS-encrypted environment and logs
 * with retention. Both are invoked synchronously (by Terraform or Firehose), which report and retry
 * failures themselves, so there is no dead-letter queue.
 * @internal
 */
export class BundledFunction extends Construct {
  public readonly function: LambdaFunction;
  public readonly role: IamRole;
  public readonly permissions: IamRolePolicy;

  constructor(scope: Construct, id: string, props: BundledFunctionProps) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    const name = platform.physicalName(this, AwsNameRules.LAMBDA_FUNCTION, [props.name]);
    const logs = new EncryptedLogGroup(this, 'Logs', { name: `/aws/lambda/${name}`, kmsKeyArn: props.keyArn, retentionDays: props.logRetentionDays });
    this.role = new IamRole(this, 'Role', {
      name: platform.physicalName(this, AwsNameRules.IAM_ROLE, [props.name, 'fn']),
      assumeRolePolicy: trustPolicy({ Service: 'lambda.amazonaws.com' }),
    });
    this.permissions = attachRolePolicy(this, 'Permissions', this.role.name, [
      { actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [`${logs.arn}:*`] },
      { actions: ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'], resources: ['*'] },
      { actions: ['kms:Decrypt'], resources: [props.keyArn] },
      ...props.statements,
    ], props.name);
    const asset = zipAsset(this, 'Code', OPENSEARCH_FUNCTIONS_DIR);
    this.function = new LambdaFunction(this, 'Function', {
      functionName: name,
      description: props.description,
      role: this.role.arn,
      runtime: OPENSEARCH_FUNCTION_RUNTIME,
      handler: props.handler,
      filename: asset.path,
      sourceCodeHash: Fn.filebase64sha256(asset.path),
      memorySize: props.memoryMiB,
      timeout: props.timeoutSeconds,
      reservedConcurrentExecutions: props.reservedConcurrency,
      kmsKeyArn: props.keyArn,
      tracingConfig: { mode: 'Active' },
      loggingConfig: { logFormat: 'JSON', logGroup: logs.name },
      vpcConfig: props.vpcConfig,
      // A function in a VPC needs its network interface permissions when it is created.
      dependsOn: [logs.logGroup, this.permissions],
    });
  }
}
