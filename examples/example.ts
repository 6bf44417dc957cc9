import { App, TerraformStack } from 'cdktf';

/** Options every example accepts. */
export interface ExampleOptions {
  /** AWS examples: point every endpoint at this emulator URL and allow destroying data. */
  readonly localEndpointUrl?: string;
}

/** One compiled, synthesized usage example. */
export interface ExampleDefinition {
  readonly name: string;
  readonly platform: 'aws' | 'kubernetes';
  build(app: App, options: ExampleOptions): TerraformStack;
}
