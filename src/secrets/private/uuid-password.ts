import { Construct } from 'constructs';
import { Fn, TerraformLocal } from '../../core/cdktf';
import { requireWriteOnlyAttributes } from '../../core/terraform-version';
import { isUnresolved } from '../../core/validate';
import { MAX_PASSWORD_LENGTH } from '../secret-store-contract';

/** Hexadecimal digits one `uuid()` call contributes (its 32 digits without the hyphens). */
export const HEX_DIGITS_PER_UUID = 32;

/**
 * A password drawn by Terraform itself, for stores whose backend has no password generator and
 * where the random provider is not available: a local whose expression is
 * `substr(join("", [replace(uuid(), "-", ""), ...]), 0, length)`.
 *
 * Entropy: Terraform's `uuid()` is hashicorp/go-uuid's `GenerateUUID`, 16 bytes from Go's
 * `crypto/rand` printed as hexadecimal in the 8-4-4-4-12 layout. It does not fix the RFC 4122
 * version and variant digits (all 32 digits vary), so every hexadecimal digit carries 4 random bits:
 * a password of n digits has 4n bits of entropy (128 bits at the default 32 digits, 64 at the
 * minimum 16, 256 at the maximum 64). Two calls give 64 digits, hence MAX_PASSWORD_LENGTH. The
 * alphabet is `0-9a-f`, which needs no quoting in URLs, SQL literals, shell or JAAS configs.
 *
 * `uuid()` is impure: the local changes on every plan and apply, and it is unknown until apply. That
 * is harmless because it only flows into write-only attributes, which the providers send only when
 * their revision (`data_wo_revision`, `data_json_wo_version`) changes. Locals are never stored in
 * state or in the plan.
 * @internal
 */
export function uuidPassword(scope: Construct, id: string, length: number): TerraformLocal {
  const uuids = isUnresolved(length) ? MAX_PASSWORD_LENGTH / HEX_DIGITS_PER_UUID : Math.ceil(length / HEX_DIGITS_PER_UUID);
  const digits = Array.from({ length: uuids }, () => Fn.replace(Fn.uuid(), '-', ''));
  requireWriteOnlyAttributes(scope);
  return new TerraformLocal(scope, id, Fn.substr(Fn.join('', digits), 0, length));
}
