import { IConstruct } from 'constructs';
import { Token } from './cdktf';
import { invalidConfig, invalidProp } from './errors';

/** True when the value is a Terraform token that only resolves at deploy time (never validated). */
export function isUnresolved(value: unknown): boolean {
  return (typeof value === 'string' || typeof value === 'number') && Token.isUnresolved(value);
}

/**
 * Checks an optional integer prop against an inclusive range; returns the value or the default.
 * @internal
 */
export function integerInRange(
  scope: IConstruct,
  prop: string,
  value: number | undefined,
  min: number,
  max: number,
  defaultValue: number,
): number {
  if (value === undefined) return defaultValue;
  if (isUnresolved(value)) return value;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidProp(scope, prop, value, `must be an integer from ${min} to ${max}`);
  }
  return value;
}

/**
 * Checks an optional number prop against an inclusive range, allowing fractions.
 * @internal
 */
export function numberInRange(
  scope: IConstruct,
  prop: string,
  value: number | undefined,
  min: number,
  max: number,
  defaultValue: number,
): number {
  if (value === undefined) return defaultValue;
  if (isUnresolved(value)) return value;
  if (!Number.isFinite(value) || value < min || value > max) {
    throw invalidProp(scope, prop, value, `must be a number from ${min} to ${max}`);
  }
  return value;
}

/**
 * Rejects two props given together.
 * @internal
 */
export function exclusive(scope: IConstruct, a: string, aSet: boolean, b: string, bSet: boolean): void {
  if (aSet && bSet) {
    throw invalidConfig(scope, `${a} and ${b} cannot be used together; set one of them.`);
  }
}
