import { IConstruct } from 'constructs';

/**
 * The one error class of this library. Thrown at synth time (in constructors) for invalid input.
 *
 * Every message names the construct path, the prop, the value received and what is allowed.
 */
export class PipelineValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PipelineValidationError';
    Object.setPrototypeOf(this, PipelineValidationError.prototype);
  }
}

/** Renders a received value for an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/**
 * Builds the standard message: `<path>: invalid <prop>: received <value>; <allowed>.`
 * @internal
 */
export function invalidProp(scope: IConstruct, prop: string, value: unknown, allowed: string): PipelineValidationError {
  return new PipelineValidationError(`${scope.node.path}: invalid ${prop}: received ${describeValue(value)}; ${allowed}.`);
}

/**
 * A configuration problem that is not a single prop (missing platform, conflicting options).
 * @internal
 */
export function invalidConfig(scope: IConstruct, problem: string): PipelineValidationError {
  return new PipelineValidationError(`${scope.node.path}: ${problem}`);
}
