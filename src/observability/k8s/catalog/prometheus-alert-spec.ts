import { IConstruct } from 'constructs';
import { AlarmSpecBase } from '../../private/alarm-spec';

/** Alertmanager severity label of a rule. @internal */
export type AlertSeverity = 'critical' | 'warning';

/**
 * One Prometheus alerting rule of the catalog. The stack renders `expr <comparison> threshold` into a
 * PrometheusRule of group `group`, with `for: <forSeconds>s` and labels `severity`.
 * @internal
 */
export interface PrometheusAlertSpec extends AlarmSpecBase {
  /** Alert name, PascalCase (for example `KafkaUnderReplicatedPartitions`). */
  readonly alert: string;
  /** Rule group (one per component: kafka, kafka-connect, postgresql, elasticsearch, ...). */
  readonly group: string;
  /** PromQL without the comparison, already filtered to the resource by `matchers`. */
  readonly expr: string;
  /** Label matchers in `expr` that tie the rule to its resource (shown in alarms()). */
  readonly matchers: Record<string, string>;
  readonly forSeconds: number;
  readonly severity: AlertSeverity;
}

/** Scrape kind of a target. @internal */
export type ScrapeKind = 'PodMonitor' | 'ServiceMonitor';

/**
 * One PodMonitor or ServiceMonitor the stack creates for a watched resource, plus the NetworkPolicy
 * opening the metrics port to Prometheus.
 * @internal
 */
export interface ScrapeTargetSpec {
  readonly kind: ScrapeKind;
  /** Object name (DNS label). */
  readonly name: string;
  /** Namespace of the scraped pods / service. */
  readonly namespace: string;
  /** matchLabels of the pods (PodMonitor) or service (ServiceMonitor). */
  readonly selector: Record<string, string>;
  /** `podMetricsEndpoints` (PodMonitor) or `endpoints` (ServiceMonitor) entries. */
  readonly endpoints: Array<Record<string, any>>;
  /** Labels of the pods serving metrics (the NetworkPolicy's podSelector). */
  readonly podLabels: Record<string, string>;
  /** Container port Prometheus connects to. */
  readonly port: number;
  /** The construct owning the scraped resource. */
  readonly resource: IConstruct;
}

/** What the catalog returns for one construct. @internal */
export interface PrometheusCatalogResult {
  readonly alerts: PrometheusAlertSpec[];
  readonly scrapeTargets: ScrapeTargetSpec[];
}

/** A catalog function: alerts and scrape targets for one construct (both empty for kinds it does not know). @internal */
export type PrometheusCatalogEntry = (node: IConstruct) => PrometheusCatalogResult;
