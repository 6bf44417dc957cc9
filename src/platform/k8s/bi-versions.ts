import { ChartPin } from './versions';

/**
 * Pinned Helm chart and plugins of the BI front end on Kubernetes. The one place to bump them.
 *
 * The Grafana chart moved from `grafana/helm-charts` (frozen, deprecated in January 2026) to
 * `grafana-community/helm-charts`, which publishes it as an OCI artifact on ghcr.io.
 */

/** Grafana chart of the Grafana community (chart 12.11.1, Grafana 13.2.0). */
export const GRAFANA_CHART: ChartPin = { repository: 'oci://ghcr.io/grafana-community/helm-charts', chart: 'grafana', version: '12.11.1' };
/** Grafana version the pinned chart runs (its appVersion). */
export const GRAFANA_VERSION = '13.2.0';
/** User and group the Grafana image runs as (the chart's defaults). */
export const GRAFANA_RUN_AS_USER = 472;

/** Id of Trino's Grafana data source plugin (trinodb/grafana-trino). */
export const TRINO_GRAFANA_PLUGIN_ID = 'trino-datasource';
/** Version of Trino's Grafana data source plugin. */
export const TRINO_GRAFANA_PLUGIN_VERSION = '1.1.1';
/**
 * Trino plugin as Grafana's `[plugins] preinstall_sync` takes it (`<id>@<version>`, optionally
 * `@<zip url>`): downloaded from grafana.com when Grafana starts.
 */
export const TRINO_GRAFANA_PLUGIN = `${TRINO_GRAFANA_PLUGIN_ID}@${TRINO_GRAFANA_PLUGIN_VERSION}`;
