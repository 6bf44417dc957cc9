import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { parseAllDocuments } from 'yaml';

/**
 * Offline validation of custom resources against upstream CRD schemas (tier 4 of the tests).
 *
 * The schemas live outside the repository: `DATA_PIPELINES_SCHEMAS_DIR`, else `<repo>/../shared/schemas`.
 * Every `*.yaml` / `*.yml` under it is read; each served version of each CRD becomes one validator.
 *
 * Kubernetes prunes unknown fields of structural schemas silently, so a misspelled field would
 * "apply" and do nothing. These validators reject unknown fields instead (except where the schema
 * says `x-kubernetes-preserve-unknown-fields`). CEL rules (`x-kubernetes-validations`) are not run.
 */

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Directory holding the upstream schemas. */
export function schemasDir(): string {
  return process.env.DATA_PIPELINES_SCHEMAS_DIR ?? path.resolve(REPO_ROOT, '..', 'shared', 'schemas');
}

interface CrdVersion {
  readonly file: string;
  readonly schema: any;
  validate?: ValidateFunction;
}

let catalog: Map<string, CrdVersion> | undefined;

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(entry.name) ? [full] : [];
  });
}

function key(apiVersion: string, kind: string): string {
  return `${apiVersion}|${kind}`;
}

function loadCatalog(): Map<string, CrdVersion> {
  if (catalog) return catalog;
  const found = new Map<string, CrdVersion>();
  const dir = schemasDir();
  if (fs.existsSync(dir)) {
    for (const file of yamlFiles(dir)) {
      for (const doc of parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
        const crd = doc.toJS({ maxAliasCount: -1 });
        if (crd?.kind !== 'CustomResourceDefinition' || !crd.spec?.versions) continue;
        for (const version of crd.spec.versions) {
          const schema = version.schema?.openAPIV3Schema ?? crd.spec.validation?.openAPIV3Schema;
          if (!version.served || !schema) continue;
          found.set(key(`${crd.spec.group}/${version.name}`, crd.spec.names.kind), { file: path.relative(dir, file), schema });
        }
      }
    }
  }
  catalog = found;
  return found;
}

/** True when the schema directory exists and holds at least one CRD. */
export function schemasAvailable(): boolean {
  return loadCatalog().size > 0;
}

/** Names (`group/version|Kind`) of every CRD version found, for messages. */
export function knownCustomResourceTypes(): string[] {
  return [...loadCatalog().keys()].sort();
}

/**
 * Turns a Kubernetes structural schema into a JSON schema ajv understands: `nullable` becomes a
 * null type, `x-kubernetes-int-or-string` an integer-or-string, and objects with declared
 * properties reject unknown ones (what the API server would prune) unless they preserve them.
 */
export function toJsonSchema(node: any): any {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: any = {};
  for (const [k, v] of Object.entries(node)) {
    out[k] = k === 'properties' || k === 'patternProperties' || k === 'definitions'
      ? Object.fromEntries(Object.entries(v as object).map(([p, s]) => [p, toJsonSchema(s)]))
      : toJsonSchema(v);
  }
  // Go's case-insensitive flag (PrometheusRule's `^(?i)(abort|warn)?$`) is not ECMAScript: spell
  // each letter as a [xX] class instead.
  if (typeof out.pattern === 'string' && out.pattern.includes('(?i)')) {
    out.pattern = out.pattern.replace('(?i)', '').replace(/[a-zA-Z]/g, (c: string) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
  }
  if (out['x-kubernetes-int-or-string'] === true && out.type === undefined && out.anyOf === undefined) {
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  const isObject = out.type === 'object';
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (out.enum) out.enum = [...out.enum, null];
  }
  const preserve = out['x-kubernetes-preserve-unknown-fields'] === true || out['x-kubernetes-embedded-resource'] === true;
  if (isObject && out.properties && out.additionalProperties === undefined && !preserve) {
    out.additionalProperties = false;
  }
  return out;
}

function newAjv(): Ajv {
  // strict: false ignores the x-kubernetes-* keywords; formats (int32, int64, date-time...) are not
  // checked; validateSchema: false tolerates upstream quirks such as duplicate enum items (Stackable).
  return new Ajv({ strict: false, allErrors: true, validateFormats: false, validateSchema: false });
}

/**
 * Adds the fields every object has (the API server supplies them) to a root schema that lists only
 * `spec` and `status`, as Stackable's CRDs do; otherwise additionalProperties would reject them.
 */
function withObjectRoot(root: any): any {
  const implicit = { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' } };
  return { ...root, properties: { ...implicit, ...(root.properties ?? {}) } };
}

let ajv: Ajv | undefined;

/**
 * Validates one custom resource against the CRD serving its apiVersion and kind. Returns ajv's
 * errors (empty when valid); a resource whose group/version/kind no CRD serves gets one error.
 */
export function validateCustomResource(obj: any): ErrorObject[] {
  const entry = loadCatalog().get(key(String(obj?.apiVersion), String(obj?.kind)));
  if (!entry) {
    return [{
      instancePath: '',
      schemaPath: '#',
      keyword: 'crd',
      params: { apiVersion: obj?.apiVersion, kind: obj?.kind },
      message: `no CRD under ${schemasDir()} serves ${obj?.apiVersion} ${obj?.kind}`,
    }];
  }
  ajv ??= newAjv();
  entry.validate ??= ajv.compile(toJsonSchema(withObjectRoot(entry.schema)));
  return entry.validate(obj) ? [] : [...(entry.validate.errors ?? [])];
}

/** Readable one-line form of validation errors, naming the resource. */
export function formatErrors(obj: any, errors: ErrorObject[]): string {
  const name = `${obj?.kind}/${obj?.metadata?.name}`;
  return errors.map((e) => `${name}${e.instancePath}: ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`).join('\n');
}

/**
 * Every custom resource of a synthesized stack: the `resources` rendered by each helm_release of
 * the bundled custom-resources chart (a local chart, no repository), in release order.
 */
export function synthesizedCustomResources(json: any): any[] {
  const releases = Object.values<any>(json?.resource?.helm_release ?? {});
  return releases.flatMap((release) => {
    if (release.repository || !Array.isArray(release.values) || release.values.length === 0) return [];
    const values = JSON.parse(release.values[0]);
    return Array.isArray(values?.resources) ? values.resources : [];
  });
}

/**
 * `describe` when the upstream schemas are here; otherwise a loud warning and a skipped block whose
 * title carries the reason (jest shows skipped titles even when it hides a skipped file's output).
 */
export function describeWithSchemas(title: string, body: () => void): void {
  if (schemasAvailable()) {
    describe(title, body);
    return;
  }
  const line = `SKIPPED tier 4 (schemas): upstream schemas not found under ${schemasDir()}; set DATA_PIPELINES_SCHEMAS_DIR`;
  console.warn(line);
  describe.skip(`${line}: ${title}`, body);
}
