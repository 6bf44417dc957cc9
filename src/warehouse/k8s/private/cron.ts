import { IConstruct } from 'constructs';
import { invalidProp } from '../../../core/errors';
import { isUnresolved } from '../../../core/validate';

interface CronField {
  readonly min: number;
  readonly max: number;
  readonly names?: string[];
  readonly question?: boolean;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const MINUTE: CronField = { min: 0, max: 59 };
const HOUR: CronField = { min: 0, max: 23 };
const DAY_OF_MONTH: CronField = { min: 1, max: 31, question: true };
const MONTH: CronField = { min: 1, max: 12, names: MONTHS };
const DAY_OF_WEEK: CronField = { min: 0, max: 6, names: DAYS, question: true };

/** Fields of CloudNativePG's schedules (robfig/cron v1: seconds first). */
const SIX_FIELDS = [{ min: 0, max: 59 }, MINUTE, HOUR, DAY_OF_MONTH, MONTH, DAY_OF_WEEK];
/** Fields of a Kubernetes CronJob schedule. */
const FIVE_FIELDS = [MINUTE, HOUR, DAY_OF_MONTH, MONTH, DAY_OF_WEEK];

/** What a six-field schedule error says is allowed. @internal */
export const SIX_FIELD_CRON_ALLOWED =
  'use a six-field cron expression with seconds first (CloudNativePG\'s format, not the five-field Kubernetes CronJob one), for example "0 0 2 * * *" for 02:00:00 every day';
/** What a five-field schedule error says is allowed. @internal */
export const FIVE_FIELD_CRON_ALLOWED = 'use a five-field Kubernetes CronJob expression (minute hour day-of-month month day-of-week), for example "0 3 * * *" for 03:00 every day';

function value(field: CronField, text: string): number | undefined {
  const index = field.names?.indexOf(text.toUpperCase()) ?? -1;
  if (index >= 0) return index + (field.names === MONTHS ? 1 : 0);
  if (!/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= field.min && n <= field.max ? n : undefined;
}

function validField(field: CronField, text: string): boolean {
  return text.split(',').every((item) => {
    const [range, step, extra] = item.split('/');
    if (extra !== undefined || (step !== undefined && !/^[1-9]\d*$/.test(step))) return false;
    if (range === '*' || (field.question && range === '?')) return true;
    const [from, to, more] = range.split('-');
    if (more !== undefined) return false;
    const a = value(field, from);
    if (a === undefined) return false;
    if (to === undefined) return true;
    const b = value(field, to);
    return b !== undefined && b >= a;
  });
}

function check(scope: IConstruct, prop: string, schedule: string, fields: CronField[], allowed: string): string {
  if (isUnresolved(schedule)) return schedule;
  const parts = typeof schedule === 'string' ? schedule.trim().split(/\s+/) : [];
  if (parts.length !== fields.length || !parts.every((p, i) => validField(fields[i], p))) {
    throw invalidProp(scope, prop, schedule, allowed);
  }
  return schedule;
}

/** Checks a CloudNativePG ScheduledBackup schedule (six fields, seconds first); returns it. @internal */
export function checkSixFieldCron(scope: IConstruct, prop: string, schedule: string): string {
  return check(scope, prop, schedule, SIX_FIELDS, SIX_FIELD_CRON_ALLOWED);
}

/** Checks a Kubernetes CronJob schedule (five fields); returns it. @internal */
export function checkFiveFieldCron(scope: IConstruct, prop: string, schedule: string): string {
  return check(scope, prop, schedule, FIVE_FIELDS, FIVE_FIELD_CRON_ALLOWED);
}
