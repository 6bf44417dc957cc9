import { IConstruct } from 'constructs';
import { PrometheusAlertSpec, PrometheusCatalogResult } from './prometheus-alert-spec';
import { AlarmComparison } from '../../alarm-contract';
import { ThresholdRange } from '../../private/alarm-spec';

/** Suffix of a matcher key whose value is a regular expression (`pod=~`). */
export const REGEX_MATCHER = '=~';

/** A catalog function's answer for constructs it does not know. @internal */
export const NO_RESULT: PrometheusCatalogResult = { alerts: [], scrapeTargets: [] };

/**
 * `{a="b",c=~"d"}`: label matchers of a selector. A key ending in `=~` matches its value as a
 * regular expression; other keys match their value exactly.
 * @internal
 */
export function selector(matchers: Record<string, string>): string {
  const parts = Object.entries(matchers).map(([key, value]) => {
    const escaped = value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
    return key.endsWith(REGEX_MATCHER) ? `${key.slice(0, -REGEX_MATCHER.length)}=~"${escaped}"` : `${key}="${escaped}"`;
  });
  return `{${parts.join(',')}}`;
}

/** Percent of the most used persistent volume claim among those matching `pvcRegex` (kubelet volume stats). @internal */
export function volumeUsagePercent(namespace: string, pvcRegex: string): { expr: string; matchers: Record<string, string> } {
  const matchers = { namespace: namespace, [`persistentvolumeclaim${REGEX_MATCHER}`]: pvcRegex };
  const s = selector(matchers);
  return { expr: `max(kubelet_volume_stats_used_bytes${s} / kubelet_volume_stats_capacity_bytes${s}) * 100`, matchers };
}

/** A percentage threshold (1 to 100). @internal */
export const PERCENT_RANGE: ThresholdRange = { min: 1, max: 100, unit: '%' };
/** A count of zero or more. @internal */
export const COUNT_RANGE: ThresholdRange = { min: 0, max: 1_000_000, integer: true, unit: 'count' };

/** A count of instances from 1 to `max` (how many must be up). @internal */
export function instancesRange(max: number): ThresholdRange {
  return { min: 1, max: Math.max(1, max), integer: true, unit: 'instances' };
}

/** Everything a catalog alert needs; the common fields are filled in by the component's builder. @internal */
export interface AlertInput {
  readonly key: string;
  readonly alert: string;
  readonly expr: string;
  readonly matchers: Record<string, string>;
  readonly threshold: number;
  readonly comparison: AlarmComparison;
  readonly range: ThresholdRange;
  readonly forSeconds: number;
  readonly severity: 'critical' | 'warning';
  readonly description: string;
}

/** Builds the alerts of one resource of one rule group. @internal */
export function alertsOf(resource: IConstruct, resourceName: string, group: string, inputs: AlertInput[]): PrometheusAlertSpec[] {
  return inputs.map((input) => ({ ...input, resource, resourceName, group }));
}
