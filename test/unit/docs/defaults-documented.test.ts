import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const SRC = path.join(__dirname, '..', '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Optional properties of exported interfaces (props structs) that have no `@default` tag. */
function undocumentedDefaults(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const missing: string[] = [];
  source.forEachChild((node) => {
    if (!ts.isInterfaceDeclaration(node) || !node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return;
    if (ts.getJSDocTags(node).some((t) => t.tagName.text === 'internal')) return;
    for (const member of node.members) {
      if (!ts.isPropertySignature(member) || !member.questionToken) continue;
      const hasDefault = ts.getJSDocTags(member).some((t) => t.tagName.text === 'default');
      if (!hasDefault) missing.push(`${path.relative(SRC, file)}: ${node.name.text}.${member.name.getText(source)}`);
    }
  });
  return missing;
}

test('every optional prop of the public API documents its @default', () => {
  const files = sourceFiles(SRC);
  expect(files.length).toBeGreaterThan(20);
  // Interfaces describing resources (I-prefixed) expose optional attributes, not props: skip them.
  const missing = files.flatMap(undocumentedDefaults).filter((m) => !/: I[A-Z]/.test(m));
  expect(missing).toEqual([]);
});
