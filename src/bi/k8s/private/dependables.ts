import { IConstruct } from 'constructs';
import { TerraformResource } from '../../../core/cdktf';

/**
 * The Terraform resources under `scope` (for example a credential's Secret), to order a release
 * after them.
 * @internal
 */
export function resourcesUnder(scope: IConstruct): TerraformResource[] {
  return scope.node.findAll().filter((c): c is TerraformResource => c instanceof TerraformResource);
}

/**
 * Adds `resources` to a resource's `depends_on` after construction (as `<type>.<id>` addresses,
 * which is what `depends_on` takes).
 * @internal
 */
export function addDependsOn(resource: TerraformResource, resources: TerraformResource[]): void {
  const addresses = resources.map((r) => `${r.terraformResourceType}.${r.friendlyUniqueId}`);
  resource.dependsOn = [...(resource.dependsOn ?? []), ...addresses.filter((a) => !(resource.dependsOn ?? []).includes(a))];
}
