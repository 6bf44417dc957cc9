import { Construct } from 'constructs';
import { ref, TerraformElement, TerraformStack, Token } from './cdktf';
import { invalidConfig } from './errors';
import { requireWriteOnlyAttributes } from './terraform-version';

/**
 * A Terraform `ephemeral` block (Terraform 1.10+): a value the provider produces during plan and
 * apply that is never written to the plan or the state. cdktf 0.21 predates ephemeral resources, so
 * this is the thin glue: an element whose `toTerraform()` returns
 * `{ ephemeral: { <type>: { <logical id>: <config> } } }`, which cdktf deep-merges into the stack's
 * JSON like every other element's fragment.
 *
 * The config is written as-is, so its keys are Terraform's snake_case argument names. Ephemeral
 * attributes may only flow into write-only attributes, provider blocks, locals and other ephemeral
 * blocks; Terraform rejects any other use at validate time.
 * @internal
 */
export class EphemeralResource extends TerraformElement {
  /** The ephemeral resource type, for example `aws_secretsmanager_random_password`. */
  public readonly terraformResourceType: string;
  private readonly config: Record<string, unknown>;

  constructor(scope: Construct, id: string, terraformResourceType: string, config: Record<string, unknown>) {
    super(scope, id, `ephemeral.${terraformResourceType}`);
    requireWriteOnlyAttributes(this);
    this.terraformResourceType = terraformResourceType;
    this.config = { ...config };
  }

  /** A token for `ephemeral.<type>.<logical id>.<attribute>`. */
  public getStringAttribute(attribute: string): string {
    return Token.asString(ref(`ephemeral.${this.terraformResourceType}.${this.friendlyUniqueId}.${attribute}`, TerraformStack.of(this)));
  }

  public toTerraform(): any {
    return { ephemeral: { [this.terraformResourceType]: { [this.friendlyUniqueId]: { ...this.config } } } };
  }

  /** cdktf's HCL renderer drops blocks it does not know, so HCL output would lose this one: refuse it. */
  public toHclTerraform(): any {
    throw invalidConfig(this, `the ephemeral ${this.terraformResourceType} block needs JSON synthesis; cdktf's HCL output (hclOutput: true) cannot render ephemeral blocks.`);
  }
}
