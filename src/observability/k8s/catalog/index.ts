import { IConstruct } from 'constructs';
import { cdcSourcesCatalog } from './cdc-sources';
import { elasticsearchCatalog } from './elasticsearch';
import { kafkaCatalog } from './kafka';
import { kafkaConnectCatalog } from './kafka-connect';
import { postgresqlCatalog } from './postgresql';
import { PrometheusAlertSpec, PrometheusCatalogEntry, ScrapeTargetSpec } from './prometheus-alert-spec';

/** Every catalog function of the Prometheus backend (each answers for the constructs it knows). @internal */
export const PROMETHEUS_CATALOG: PrometheusCatalogEntry[] = [
  kafkaCatalog, kafkaConnectCatalog, postgresqlCatalog, cdcSourcesCatalog, elasticsearchCatalog,
];

/** The alerts of one construct. @internal */
export function prometheusAlertsFor(node: IConstruct): PrometheusAlertSpec[] {
  return PROMETHEUS_CATALOG.flatMap((entry) => entry(node).alerts);
}

/** The scrape targets of one construct. @internal */
export function scrapeTargetsFor(node: IConstruct): ScrapeTargetSpec[] {
  return PROMETHEUS_CATALOG.flatMap((entry) => entry(node).scrapeTargets);
}
