import * as fs from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '..', '..', '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

/** The `// #region usage` block of an example file, dedented. */
function region(file: string): string {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const match = /\/\/ #region usage\n([\s\S]*?)\n\s*\/\/ #endregion/.exec(text);
  if (!match) throw new Error(`${file} has no "// #region usage" block`);
  const lines = match[1].split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

describe('README', () => {
  test('quick start is exactly two commands: install + synth, then the whole test suite', () => {
    const section = readme.split('## Quick start')[1].split('\n## ')[0];
    const block = /```sh\n([\s\S]*?)```/.exec(section)![1].trim().split('\n').map((l) => l.replace(/\s+#.*$/, ''));
    expect(block).toEqual(['npm install && npm run synth', 'npm test']);
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts.synth).toBe('projen synth');
    expect(pkg.scripts.test).toBe('projen test');
  });

  test('usage snippets are the compiled examples, verbatim', () => {
    const markers = [...readme.matchAll(/<!-- snippet: (\S+) -->\n```ts\n([\s\S]*?)```/g)];
    expect(markers.length).toBeGreaterThanOrEqual(2);
    for (const [, file, code] of markers) {
      expect(code.trimEnd()).toBe(region(file));
    }
  });

  test('CI runs the README test command', () => {
    const ci = fs.readFileSync(path.join(root, '.ci', 'run'), 'utf8');
    expect(ci).toMatch(/npm test|npx projen test/);
  });
});
