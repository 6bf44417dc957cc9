import { NetworkPeer } from '../../platform/k8s/network';
import { ResourceRequirements } from '../../platform/k8s/resources';
import { RemovalPolicy } from '../../platform/platform';
import { ISecretStore } from '../../secrets/secret-store-contract';
import { BiFrontEndBaseProps } from '../bi-contract';

/** Port Grafana's container listens on. */
export const GRAFANA_PORT = 3000;
/** Port of Grafana's Service (the chart's default; it forwards to {@link GRAFANA_PORT}). */
export const GRAFANA_SERVICE_PORT = 80;
/** User name of Grafana's administrator. */
export const GRAFANA_ADMIN_USERNAME = 'admin';
/** Database user Grafana reads each warehouse as (created by the warehouse, read-only). */
export const GRAFANA_DATABASE_USER = 'grafana_reader';
/** Size of Grafana's volume (its SQLite database: users, folders, dashboards edited in the UI), GiB. */
export const DEFAULT_GRAFANA_STORAGE_SIZE_GIB = 10;
/** CPU and memory of the Grafana container. */
export const DEFAULT_GRAFANA_RESOURCES: ResourceRequirements = { cpuRequest: '250m', memoryRequest: '512Mi', memoryLimit: '1Gi' };
/**
 * Addresses Grafana may download plugins from (HTTPS only), when a plugin is needed (the Trino
 * data source of a lake). NetworkPolicy cannot name hosts, and grafana.com's download hosts are a CDN.
 */
export const GRAFANA_PLUGIN_DOWNLOAD_CIDRS: string[] = ['0.0.0.0/0'];
/** Name of the dashboard provider (and folder under `/var/lib/grafana/dashboards`) of dashboards from code. */
export const GRAFANA_DASHBOARD_PROVIDER = 'cdktf';
/** `sslmode` of PostgreSQL data sources: encrypted, as CloudNativePG serves TLS by default. */
export const GRAFANA_POSTGRES_SSL_MODE = 'require';

/** A dashboard provisioned from code (read-only in the UI). */
export interface GrafanaDashboard {
  /** File name of the dashboard, without `.json` (lowercase letters, digits, hyphens). */
  readonly name: string;
  /** The dashboard model as JSON (export it from Grafana: Share > Export > Save to file). */
  readonly json: string;
}

/** Props of {@link GrafanaAnalytics}. */
export interface GrafanaAnalyticsProps extends BiFrontEndBaseProps {
  /**
   * Where Grafana's administrator credential is generated (its Secret is read with the keys
   * `username` and `password`). The store must expose credentials as Kubernetes Secrets.
   * @default - the stack's default SecretStore (`defaultSecretStore`)
   */
  readonly secretStore?: ISecretStore;
  /**
   * User name of Grafana's administrator.
   * @default GRAFANA_ADMIN_USERNAME ("admin")
   */
  readonly adminUsername?: string;
  /**
   * Name of the read-only database user each warehouse creates for Grafana.
   * @default GRAFANA_DATABASE_USER ("grafana_reader")
   */
  readonly databaseUser?: string;
  /**
   * CPU and memory of the Grafana container.
   * @default DEFAULT_GRAFANA_RESOURCES (250m / 512Mi requests, 1Gi memory limit)
   */
  readonly resources?: ResourceRequirements;
  /**
   * Size of Grafana's persistent volume, GiB (1 to 1024).
   * @default DEFAULT_GRAFANA_STORAGE_SIZE_GIB (10)
   */
  readonly storageSizeGiB?: number;
  /**
   * Who may open Grafana (port 3000): for example the pods of your Gateway or ingress controller
   * (with their `namespaceLabels`). No Ingress or route is created.
   * @default - nobody: reach Grafana with `kubectl port-forward`
   */
  readonly clients?: NetworkPeer[];
  /**
   * Dashboards provisioned from code, in the folder `General`, read-only in the UI.
   * @default - none
   */
  readonly dashboards?: GrafanaDashboard[];
  /**
   * The Trino data source plugin, as `<id>@<version>` or `<id>@<version>@<zip url>` (to install it
   * from a mirror). Installed only when a lake is added.
   * @default TRINO_GRAFANA_PLUGIN ("trino-datasource@1.1.1", from grafana.com)
   */
  readonly trinoPlugin?: string;
  /**
   * IP ranges Grafana may reach on HTTPS to download plugins, when one is needed (a lake was
   * added). Narrow it to your plugin mirror or egress proxy.
   * @default GRAFANA_PLUGIN_DOWNLOAD_CIDRS (["0.0.0.0/0"], port 443 only)
   */
  readonly pluginDownloadCidrs?: string[];
  /**
   * What happens to Grafana's volume when the release is removed. RETAIN keeps the claim
   * (`helm.sh/resource-policy: keep`); DESTROY also needs the platform's `allowDataDestruction`.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}
