import * as fs from 'fs';
import * as path from 'path';
import { AlarmBackend } from '../../../src';
import { alarmSection, referenceObservability } from '../../../stacks/alarm-tables';

const README = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8');

describe('README alarm tables', () => {
  const observability = referenceObservability();

  test('every reference architecture has an ObservabilityStack (the Vault bootstrap stack excepted)', () => {
    expect([...observability.keys()].sort()).toEqual(['cdc-lakehouse', 'data-engineer-flow-360', 'real-time-warehouse', 'streaming-search']);
    expect(observability.get('streaming-search')!.backend).toBe(AlarmBackend.CLOUDWATCH);
    expect(observability.get('data-engineer-flow-360')!.backend).toBe(AlarmBackend.PROMETHEUS);
  });

  test.each([...observability.keys()])('the README table of %s is what its ObservabilityStack lists (npx projen docs:alarms)', (stackId) => {
    const alarms = observability.get(stackId)!.alarms();
    expect(alarms.length).toBeGreaterThan(0);
    expect(README).toContain(alarmSection(stackId, alarms));
  });
});
