/**
 * Rewrites the alarm tables in README.md from the reference stacks (`npx projen docs:alarms`).
 * test/unit/docs/alarm-tables.test.ts fails when they are out of date.
 */
import * as fs from 'fs';
import * as path from 'path';
import { alarmSection, referenceObservability } from '../stacks/alarm-tables';

const readme = path.join(__dirname, '..', 'README.md');
let text = fs.readFileSync(readme, 'utf8');
for (const [stackId, observability] of referenceObservability()) {
  const pattern = new RegExp(`<!-- alarms: ${stackId} -->[\\s\\S]*?<!-- /alarms -->`);
  if (!pattern.test(text)) throw new Error(`README.md has no <!-- alarms: ${stackId} --> section`);
  text = text.replace(pattern, () => alarmSection(stackId, observability.alarms()));
}
fs.writeFileSync(readme, text);
console.log('README.md alarm tables updated');
