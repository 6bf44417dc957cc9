import { EphemeralResource } from '../../../src/core/ephemeral';
import { MIN_TERRAFORM_VERSION } from '../../../src/core/terraform-version';
import { newStack, synth } from '../../support/synth';

describe('EphemeralResource (cdktf glue for Terraform ephemeral blocks)', () => {
  test('renders an ephemeral block keyed by type and logical id, config as given', () => {
    const stack = newStack();
    const password = new EphemeralResource(stack, 'Password', 'aws_secretsmanager_random_password', {
      password_length: 20,
      exclude_punctuation: true,
    });
    const out = synth(stack);
    expect(out.json.ephemeral).toEqual({
      aws_secretsmanager_random_password: {
        [password.friendlyUniqueId]: { password_length: 20, exclude_punctuation: true },
      },
    });
    expect(password.friendlyUniqueId).toBe('Password');
    // Ephemeral blocks and write-only attributes need Terraform 1.11: the stack says so.
    expect(MIN_TERRAFORM_VERSION).toBe('1.11.0');
    expect(out.json.terraform.required_version).toBe('>= 1.11.0');
    expect(password.terraformResourceType).toBe('aws_secretsmanager_random_password');
  });

  test('attributes are tokens of ephemeral.<type>.<id>.<attribute>', () => {
    const stack = newStack();
    const password = new EphemeralResource(stack, 'Password', 'aws_secretsmanager_random_password', {});
    new EphemeralResource(stack, 'Consumer', 'test_consumer', { input: password.getStringAttribute('random_password') });
    const out = synth(stack);
    expect(out.json.ephemeral.test_consumer.Consumer).toEqual({
      input: '${ephemeral.aws_secretsmanager_random_password.Password.random_password}',
    });
  });

  test('HCL synthesis is refused with a clear message instead of silently dropping the block', () => {
    const stack = newStack();
    const element = new EphemeralResource(stack, 'Password', 'aws_secretsmanager_random_password', {});
    expect(() => element.toHclTerraform()).toThrow(
      'test/Password: the ephemeral aws_secretsmanager_random_password block needs JSON synthesis; cdktf\'s HCL output (hclOutput: true) cannot render ephemeral blocks.',
    );
  });
});
