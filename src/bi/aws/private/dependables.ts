import { IConstruct } from 'constructs';
import { ITerraformDependable, TerraformResource } from '../../../core/cdktf';

/**
 * The Terraform resources under `scope` (for example what a warehouse created for a read-only user:
 * the secret, its value and the SQL that creates the user), to order a data source after them.
 * @internal
 */
export function resourcesUnder(scope: IConstruct): ITerraformDependable[] {
  return scope.node.findAll().filter((c): c is TerraformResource => c instanceof TerraformResource);
}
