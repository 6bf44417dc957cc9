/**
 * The only module in `src/` that imports the `cdktf` framework package.
 *
 * cdktf was archived upstream (December 2025). Every other source file imports framework symbols
 * from here, so a move to a fork (for example cdktn) is a change to this file plus the
 * `@cdktf/provider-*` deep imports.
 */
export {
  Annotations,
  Aspects,
  DefaultTokenResolver,
  AssetType,
  Fn,
  Lazy,
  TerraformAsset,
  TerraformElement,
  TerraformLocal,
  TerraformOutput,
  TerraformProvider,
  TerraformResource,
  TerraformStack,
  StringConcat,
  Token,
  Tokenization,
  ref,
} from 'cdktf';
export type { IAspect, ITerraformDependable } from 'cdktf';
