import { AnnotationMetadataEntryType } from 'cdktf';
import { IConstruct } from 'constructs';

/** One annotation left on a construct (warnings appear in `cdktf synth` output). */
export interface Annotation {
  readonly path: string;
  readonly message: string;
}

/** Warnings left on `scope` and every construct under it. */
export function warnings(scope: IConstruct): Annotation[] {
  return scope.node.findAll().flatMap((c) => c.node.metadata
    .filter((m) => m.type === AnnotationMetadataEntryType.WARN)
    .map((m) => ({ path: c.node.path, message: String(m.data) })));
}
