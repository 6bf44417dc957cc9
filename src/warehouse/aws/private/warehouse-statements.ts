import { RedshiftdataStatement } from '@cdktf/provider-aws/lib/redshiftdata-statement';
import { Construct } from 'constructs';
import { RedshiftTarget } from './redshift-target';
import { callEnsureUserSql, ensureUserProcedureSql } from './sql';
import { ITerraformDependable } from '../../../core/cdktf';
import { DEFAULT_WAREHOUSE_SCHEMA } from '../../warehouse-contract';

/** How long Terraform waits for one Data API statement. */
export const STATEMENT_CREATE_TIMEOUT = '20m';

/**
 * The SQL a warehouse runs at deploy time, as `aws_redshiftdata_statement` resources (Redshift
 * Data API, signed in with the administrator's managed secret; the SQL carries no secret). Each
 * statement waits for the one created before it: DDL and grants run one at a time, in the order
 * the constructs asked for them, after the warehouse itself is ready.
 * @internal
 */
export class WarehouseStatements {
  private last: ITerraformDependable[];
  private procedureReady = false;
  private readonly users = new Set<string>();

  constructor(private readonly scope: Construct, private readonly target: RedshiftTarget, initial: ITerraformDependable[]) {
    this.last = initial;
  }

  /** Runs `sql` after everything run so far (and after `extra`). Once per id. */
  public run(id: string, sql: string, extra: ITerraformDependable[] = []): RedshiftdataStatement {
    const existing = this.scope.node.tryFindChild(`Sql-${id}`);
    if (existing) return existing as RedshiftdataStatement;
    const statement = new RedshiftdataStatement(this.scope, `Sql-${id}`, {
      database: this.target.databaseName,
      clusterIdentifier: this.target.clusterIdentifier,
      workgroupName: this.target.workgroupName,
      secretArn: this.target.adminCredential.secretArn,
      statementName: `${this.target.name}-${id}`.slice(0, 500),
      sql,
      dependsOn: [...this.last, ...extra],
      timeouts: { create: STATEMENT_CREATE_TIMEOUT },
    });
    this.last = [statement];
    return statement;
  }

  /** Makes the next statement wait for `step` too (for example a user function invocation). */
  public follow(step: ITerraformDependable): void {
    this.last = [...this.last, step];
  }

  /** What the next step must wait for. */
  public get tail(): ITerraformDependable[] {
    return [...this.last];
  }

  /** Creates `user` (password disabled) unless it exists; for IAM-mapped users before their first sign-in. */
  public ensureUser(user: string, key: string): void {
    if (!this.procedureReady) {
      this.run('EnsureUserProcedure', ensureUserProcedureSql(DEFAULT_WAREHOUSE_SCHEMA));
      this.procedureReady = true;
    }
    if (this.users.has(key)) return;
    this.users.add(key);
    this.run(`User-${key}`, callEnsureUserSql(DEFAULT_WAREHOUSE_SCHEMA, user));
  }
}
