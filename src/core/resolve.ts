import { IConstruct } from 'constructs';
import { DefaultTokenResolver, StringConcat, TerraformStack, Tokenization } from './cdktf';

/**
 * A value with its tokens rendered as Terraform expressions (`${aws_kinesis_stream.X.name}`), for
 * listings people read (alarm tables); plain values come back unchanged.
 * @internal
 */
export function renderTokens<T>(scope: IConstruct, value: T): T {
  return Tokenization.resolve(value, {
    scope: TerraformStack.of(scope),
    preparing: false,
    resolver: new DefaultTokenResolver(new StringConcat()),
  });
}
