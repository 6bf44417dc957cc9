import { IConstruct } from 'constructs';
import { TerraformStack } from './cdktf';

/**
 * Oldest Terraform that can apply what the library generates: ephemeral resources (1.10) and
 * write-only attributes (1.11), which keep generated passwords out of the state.
 */
export const MIN_TERRAFORM_VERSION = '1.11.0';

/**
 * Declares `terraform { required_version = ">= MIN_TERRAFORM_VERSION" }` on the stack of `scope`, so
 * an older Terraform stops with its own clear version error instead of failing on an unknown block.
 * @internal
 */
export function requireWriteOnlyAttributes(scope: IConstruct): void {
  TerraformStack.of(scope).addOverride('terraform.required_version', `>= ${MIN_TERRAFORM_VERSION}`);
}
