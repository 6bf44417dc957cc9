import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { PipelinePlatform } from '../src';
import { buildReferenceApp } from './app';

/**
 * The main job (run by stacks/main.ts): synthesizes every reference architecture and prints, per
 * stack, its name, platform, resource count and output folder.
 */
const started = process.hrtime.bigint();
const app = new App();
buildReferenceApp(app);
app.synth();

const rows = app.node.children
  .filter((c): c is TerraformStack => c instanceof TerraformStack)
  .map((stack) => {
    const dir = path.join(app.outdir, 'stacks', stack.node.id);
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'cdk.tf.json'), 'utf8'));
    const resources = Object.values<Record<string, unknown>>(json.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
    return { stack: stack.node.id, platform: PipelinePlatform.of(stack).kind, resources, folder: path.relative(process.cwd(), dir) };
  });
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const width = (key: keyof (typeof rows)[number]) => Math.max(key.length, ...rows.map((r) => String(r[key]).length));
const line = (r: Record<string, unknown>) => (['stack', 'platform', 'resources', 'folder'] as const).map((k) => String(r[k]).padEnd(width(k))).join('  ');
console.log(line({ stack: 'stack', platform: 'platform', resources: 'resources', folder: 'folder' }));
rows.forEach((r) => console.log(line(r)));
console.log(`synthesized ${rows.length} stacks, ${rows.reduce((n, r) => n + r.resources, 0)} resources in ${ms.toFixed(0)} ms`);
