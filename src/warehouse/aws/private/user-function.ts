import * as path from 'path';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaInvocation } from '@cdktf/provider-aws/lib/lambda-invocation';
import { Construct } from 'constructs';
import { DATA_API_EXECUTE_ACTIONS, DATA_API_STATEMENT_ACTIONS, policyDocument, rolePoliciesIn } from './policies';
import { RedshiftTarget } from './redshift-target';
import { WarehouseStatements } from './warehouse-statements';
import { Fn, TerraformResource } from '../../../core/cdktf';
import { invalidConfig } from '../../../core/errors';
import { AwsNameRules } from '../../../core/naming';
import { zipAsset } from '../../../core/zip-asset';
import { trustPolicy } from '../../../identity/aws-grant';
import { Identity, IIdentity } from '../../../identity/identity';
import { EncryptedLogGroup } from '../../../observability/aws/encrypted-log-group';
import { AwsPlatform } from '../../../platform/aws/aws-platform';
import { ICredential, SecretStoreBackend } from '../../../secrets/secret-store-contract';

/** Directory of the bundled warehouse user function. */
export const WAREHOUSE_USER_FUNCTION_DIR = path.join(__dirname, '..', '..', '..', '..', 'assets', 'lambda', 'warehouse-user');
/** Runtime of the user function (its AWS SDK v3 is the runtime's). */
export const USER_FUNCTION_RUNTIME = 'nodejs20.x';
/** Memory of the user function, MiB. */
export const USER_FUNCTION_MEMORY_MIB = 256;
/** Timeout of the user function, seconds (two Data API statements, polled). */
export const USER_FUNCTION_TIMEOUT_SECONDS = 300;
/** Concurrency reserved for the user function: users are changed one at a time. */
export const USER_FUNCTION_RESERVED_CONCURRENCY = 1;

/** A privilege the user function grants. @internal */
export interface UserGrant {
  readonly schema: string;
  readonly table?: string;
  readonly privilege: 'SELECT' | 'INSERT';
}

/**
 * The Lambda that creates or updates password users (BI readers, Firehose loaders) from their
 * SecretStore credential, invoked by Terraform (`aws_lambda_invocation`) once per user and again
 * when the user's revision or grants change. Its role may run SQL on this warehouse only, read the
 * administrator's secret and the users' secrets (through the store's grants), see only the
 * statements it ran, and write its KMS-encrypted logs. It runs outside the VPC: the Data API and
 * Secrets Manager are AWS APIs. No dead-letter queue: Terraform invokes it synchronously and fails
 * the apply with its error.
 * @internal
 */
export class WarehouseUserFunction extends Construct {
  public readonly function: LambdaFunction;
  public readonly role: IamRole;
  private readonly identity: IIdentity;
  private readonly permissions: IamRolePolicy;

  constructor(scope: Construct, id: string, private readonly target: RedshiftTarget) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    const name = platform.physicalName(this, AwsNameRules.LAMBDA_FUNCTION, [target.name, 'users']);
    const logs = new EncryptedLogGroup(this, 'Logs', { name: `/aws/lambda/${name}`, kmsKeyArn: target.keyArn });
    this.role = new IamRole(this, 'Role', {
      name: platform.physicalName(this, AwsNameRules.IAM_ROLE, [target.name, 'users-fn']),
      assumeRolePolicy: trustPolicy({ Service: 'lambda.amazonaws.com' }),
    });
    this.permissions = new IamRolePolicy(this, 'Permissions', {
      role: this.role.name,
      name: 'warehouse-users',
      policy: policyDocument([
        { actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [`${logs.arn}:*`] },
        { actions: ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'], resources: ['*'] },
        { actions: ['kms:Decrypt'], resources: [target.keyArn] },
        { actions: DATA_API_EXECUTE_ACTIONS, resources: [target.dataApiArn] },
        {
          actions: DATA_API_STATEMENT_ACTIONS,
          resources: ['*'],
          // `$${...}` is Terraform's escape for the IAM policy variable ${aws:userid}.
          condition: { StringEquals: { 'redshift-data:statement-owner-iam-userid': '$${aws:userid}' } },
        },
      ]),
    });
    this.identity = Identity.fromAwsRole(this, 'Identity', { roleName: this.role.name, roleArn: this.role.arn });
    this.readSecret(target.adminCredential);

    const asset = zipAsset(this, 'Code', WAREHOUSE_USER_FUNCTION_DIR);
    this.function = new LambdaFunction(this, 'Function', {
      functionName: name,
      description: `Creates and updates password users of the ${target.name} warehouse from their secrets`,
      role: this.role.arn,
      runtime: USER_FUNCTION_RUNTIME,
      handler: 'index.handler',
      filename: asset.path,
      sourceCodeHash: Fn.filebase64sha256(asset.path),
      memorySize: USER_FUNCTION_MEMORY_MIB,
      timeout: USER_FUNCTION_TIMEOUT_SECONDS,
      reservedConcurrentExecutions: USER_FUNCTION_RESERVED_CONCURRENCY,
      kmsKeyArn: target.keyArn,
      tracingConfig: { mode: 'Active' },
      loggingConfig: { logFormat: 'JSON', logGroup: logs.name },
      dependsOn: [logs.logGroup],
    });
  }

  /**
   * Creates (or updates) the user of `credential` with `grants`, after everything `statements`
   * ran so far; later statements wait for it.
   */
  public ensureUser(id: string, credential: ICredential, grants: UserGrant[], revision: number, statements: WarehouseStatements): LambdaInvocation {
    const policies = [this.permissions, ...this.readSecret(credential)];
    const invocation = new LambdaInvocation(this, `User-${id}`, {
      functionName: this.function.functionName,
      input: JSON.stringify({
        database: this.target.databaseName,
        clusterIdentifier: this.target.clusterIdentifier,
        workgroupName: this.target.workgroupName,
        adminSecretArn: this.target.adminCredential.secretArn,
        userSecretArn: credential.secretArn,
        username: credential.username,
        grants,
      }),
      triggers: { revision: String(revision) },
      dependsOn: [
        ...statements.tail,
        ...policies,
        ...credential.node.findAll().filter((c): c is TerraformResource => c instanceof TerraformResource),
      ],
    });
    statements.follow(invocation);
    return invocation;
  }

  /** Lets the function read a credential through the warehouse's SecretStore; returns the policies to wait for. */
  private readSecret(credential: ICredential): IamRolePolicy[] {
    if (credential.backend !== SecretStoreBackend.SECRETS_MANAGER || !credential.secretArn) {
      throw invalidConfig(this, `credential "${credential.credentialName}" (${credential.node.path}) is not in AWS Secrets Manager (${credential.backend}); Redshift users are provisioned from Secrets Manager credentials: give the warehouse a SecretsManagerStore.`);
    }
    const store = this.target.secretStore();
    store.grantRead(this.identity, credential);
    return rolePoliciesIn(store, this.identity.awsRoleName!);
  }
}
