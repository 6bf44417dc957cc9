import { App, TerraformStack } from 'cdktf';
import { AlarmDescription, ObservabilityStack } from '../src';
import { buildReferenceApp } from './app';

/** Deploy-time values as the README shows them: `${aws_x.Logical_Id.attr}` becomes `<aws_x.attr>`. */
function plain(text: string): string {
  return text
    .replace(/\$\{(data\.)?([a-z0-9_]+)\.[A-Za-z0-9_-]+\.([a-z0-9_]+)\}/g, '<$1$2.$3>')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ');
}

function duration(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

/** A Markdown table of alarms: key, resource, metric, dimensions, condition. */
export function alarmTable(alarms: AlarmDescription[]): string {
  const rows = alarms.map((a) => {
    const dims = Object.entries(a.dimensions).map(([k, v]) => (k.endsWith('=~') ? `${k}${v}` : `${k}=${v}`)).join(', ') || '(in the query)';
    return `| \`${a.key}\` | ${plain(a.name)} | ${plain(a.resource)} | ${plain(a.metric)} | ${plain(dims)} | ${a.comparison} ${a.threshold} for ${duration(a.durationSeconds)} |`;
  });
  return ['| Key | Name | Resource | Metric | Dimensions / labels | Fires when |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

/** The ObservabilityStack of each reference stack that has one, by stack id. */
export function referenceObservability(): Map<string, ObservabilityStack> {
  const app = new App({ outdir: '/tmp/cdktf-alarm-tables', skipValidation: true });
  buildReferenceApp(app);
  const out = new Map<string, ObservabilityStack>();
  for (const stack of app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack)) {
    const observability = stack.node.findAll().find((c): c is ObservabilityStack => c instanceof ObservabilityStack);
    if (observability) out.set(stack.node.id, observability);
  }
  return out;
}

/** The README section of one stack's alarms, between its markers. */
export function alarmSection(stackId: string, alarms: AlarmDescription[]): string {
  return [`<!-- alarms: ${stackId} -->`, alarmTable(alarms), '<!-- /alarms -->'].join('\n');
}
