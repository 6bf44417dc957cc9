import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import { EVENT_RULE_NAME_RULE, snake } from './names';
import { DATA_API_EXECUTE_ACTIONS, policyDocument } from './policies';
import { isServerless, RedshiftTarget } from './redshift-target';
import { iamRoleUser, lakeCopySql, tableInsertGrantSql } from './sql';
import { WarehouseStatements } from './warehouse-statements';
import { ValidTable } from './warehouse-validation';
import { AwsNameRules, kebab } from '../../../core/naming';
import { trustPolicy } from '../../../identity/aws-grant';
import { AwsPlatform } from '../../../platform/aws/aws-platform';

/** Retries EventBridge makes when the Data API call fails. */
export const LAKE_LOAD_MAX_RETRY_ATTEMPTS = 3;
/** Oldest scheduled run EventBridge still delivers, seconds (one hour). */
export const LAKE_LOAD_MAX_EVENT_AGE_SECONDS = 3600;

/**
 * Props of {@link LakeLoad}.
 * @internal
 */
export interface LakeLoadProps {
  /** Name of the load (the id given to loadFromLake). */
  readonly name: string;
  readonly target: RedshiftTarget;
  readonly statements: WarehouseStatements;
  readonly table: ValidTable;
  /** `s3://<zone bucket>/<prefix>`. */
  readonly location: string;
  readonly format: string;
  readonly schedule: string;
}

/**
 * A scheduled COPY from a lake location into a table. Terraform cannot schedule SQL, so an
 * EventBridge rule runs it through the Redshift Data API (`redshift_target`, which supports
 * clusters and Serverless workgroups). The COPY reads the lake with the warehouse's role (granted
 * read on the zone); the rule's own role may only run SQL on this warehouse, signed in as a database
 * user that may only insert into the target table: on Serverless the role's IAM-mapped user
 * (`IAMR:<role>`, no secret), on a cluster a password-less loader user through
 * `GetClusterCredentials` scoped to that user and database.
 * @internal
 */
export class LakeLoad extends Construct {
  public readonly rule: CloudwatchEventRule;
  public readonly role: IamRole;
  public readonly sql: string;
  /** The database user the COPY runs as. */
  public readonly dbUser: string;

  constructor(scope: Construct, id: string, props: LakeLoadProps) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    const { target, table } = props;
    const load = kebab(props.name);
    const name = platform.physicalName(this, AwsNameRules.IAM_ROLE, [target.name, 'load', load]);
    this.role = new IamRole(this, 'Role', {
      name,
      description: `Runs the ${props.name} lake load of the ${target.name} warehouse (EventBridge -> Redshift Data API)`,
      assumeRolePolicy: trustPolicy({ Service: 'events.amazonaws.com' }, { StringEquals: { 'aws:SourceAccount': platform.accountId } }),
    });
    const serverless = isServerless(target);
    this.dbUser = serverless ? iamRoleUser(name) : `lake_loader_${snake(load)}`.slice(0, 127);
    const redshiftArn = (resource: string) => `arn:${platform.partition}:redshift:${platform.region}:${platform.accountId}:${resource}`;
    const policy = new IamRolePolicy(this, 'Permissions', {
      role: this.role.name,
      name: 'lake-load',
      policy: policyDocument([
        { actions: DATA_API_EXECUTE_ACTIONS, resources: [target.dataApiArn] },
        serverless
          ? { actions: ['redshift-serverless:GetCredentials'], resources: [target.credentialsArn] }
          : {
            actions: ['redshift:GetClusterCredentials'],
            resources: [redshiftArn(`dbuser:${target.clusterIdentifier}/${this.dbUser}`), redshiftArn(`dbname:${target.clusterIdentifier}/${target.databaseName}`)],
          },
      ]),
    });

    props.statements.ensureUser(this.dbUser, `load-${load}`);
    tableInsertGrantSql(table.schema, table.name, this.dbUser)
      .forEach((sql, i) => props.statements.run(`Load-${load}-${i + 1}`, sql));

    this.sql = lakeCopySql(table.schema, table.name, table.columns.map((c) => c.name), props.location, target.roleArn!, props.format);
    const ruleName = platform.physicalName(this, EVENT_RULE_NAME_RULE, [target.name, 'load', load]);
    this.rule = new CloudwatchEventRule(this, 'Schedule', {
      name: ruleName,
      description: `COPY ${table.schema}.${table.name} from ${props.location} (${target.name} warehouse)`,
      scheduleExpression: props.schedule,
    });
    new CloudwatchEventTarget(this, 'Copy', {
      rule: this.rule.name,
      arn: target.dataApiArn,
      roleArn: this.role.arn,
      redshiftTarget: {
        database: target.databaseName,
        dbUser: serverless ? undefined : this.dbUser,
        sql: this.sql,
        // EventBridge requires the statement name to be the rule's name.
        statementName: ruleName,
        withEvent: false,
      },
      retryPolicy: { maximumRetryAttempts: LAKE_LOAD_MAX_RETRY_ATTEMPTS, maximumEventAgeInSeconds: LAKE_LOAD_MAX_EVENT_AGE_SECONDS },
      dependsOn: [policy, ...props.statements.tail],
    });
  }
}
