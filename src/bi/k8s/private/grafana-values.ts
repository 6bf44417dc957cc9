import { GRAFANA_RUN_AS_USER } from '../../../platform/k8s/bi-versions';
import { RESTRICTED_CONTAINER_SECURITY_CONTEXT, RESTRICTED_POD_SECURITY_CONTEXT } from '../../../platform/k8s/pod-security';
import { ResourceRequirements, toK8sResources } from '../../../platform/k8s/resources';
import { GRAFANA_DASHBOARD_PROVIDER, GRAFANA_SERVICE_PORT } from '../grafana-analytics-props';

/** Key of the provisioning file of the data sources in the chart's `datasources` value. */
export const GRAFANA_DATASOURCES_FILE = 'datasources.yaml';
/** Where the chart mounts a dashboard provider's ConfigMap. */
export const GRAFANA_DASHBOARDS_PATH = `/var/lib/grafana/dashboards/${GRAFANA_DASHBOARD_PROVIDER}`;

/** Inputs of the Grafana chart values. @internal */
export interface GrafanaValuesInput {
  readonly adminSecretName: string;
  readonly resources: ResourceRequirements;
  readonly storageSizeGiB: number;
  readonly storageClassName?: string;
  readonly retainVolume: boolean;
  readonly podLabels: Record<string, string>;
  /** ConfigMap holding the dashboards from code, when there are any. */
  readonly dashboardsConfigMap?: string;
}

/**
 * Grafana's settings: no anonymous access, no sign-up, nothing sent to or fetched from grafana.com
 * (update checks, usage reporting, news, gravatar, external snapshots). Merged by Helm into the
 * chart's own `grafana.ini` (paths, logging to the console).
 */
export const GRAFANA_INI = {
  'analytics': { check_for_updates: false, check_for_plugin_updates: false, reporting_enabled: false, feedback_links_enabled: false },
  'auth.anonymous': { enabled: false },
  'users': { allow_sign_up: false, allow_org_create: false },
  'security': { disable_gravatar: true },
  'snapshots': { external_enabled: false },
  'news': { news_feed_enabled: false },
};

/**
 * Values of the Grafana chart. Data sources, their password variables and plugins start empty and
 * are filled in by `addWarehouse` / `addLake` (the release serializes its values at synth time).
 * @internal
 */
export function grafanaValues(input: GrafanaValuesInput): Record<string, any> {
  const values: Record<string, any> = {
    // No Kubernetes API access: no sidecars, no RBAC, no service account token.
    rbac: { create: false },
    serviceAccount: { create: true, automountServiceAccountToken: false },
    automountServiceAccountToken: false,
    testFramework: { enabled: false },
    podLabels: input.podLabels,
    // A ReadWriteOnce volume cannot be attached to a second pod during a rolling update.
    deploymentStrategy: { type: 'Recreate' },
    securityContext: {
      ...RESTRICTED_POD_SECURITY_CONTEXT, runAsUser: GRAFANA_RUN_AS_USER, runAsGroup: GRAFANA_RUN_AS_USER, fsGroup: GRAFANA_RUN_AS_USER,
    },
    containerSecurityContext: { ...RESTRICTED_CONTAINER_SECURITY_CONTEXT, privileged: false },
    // The root filesystem is read-only: plugin downloads and other temporary files go here.
    extraEmptyDirMounts: [{ name: 'tmp', mountPath: '/tmp' }],
    resources: toK8sResources(input.resources),
    persistence: {
      enabled: true,
      type: 'pvc',
      size: `${input.storageSizeGiB}Gi`,
      storageClassName: input.storageClassName,
      annotations: input.retainVolume ? { 'helm.sh/resource-policy': 'keep' } : {},
    },
    // The chart's chown init container runs as root; fsGroup gives the volume to Grafana's group instead.
    initChownData: { enabled: false },
    admin: { existingSecret: input.adminSecretName, userKey: 'username', passwordKey: 'password' },
    service: { enabled: true, type: 'ClusterIP', port: GRAFANA_SERVICE_PORT },
    ingress: { enabled: false },
    // The library's NetworkPolicies (default deny plus explicit allows) apply instead of the chart's.
    networkPolicy: { enabled: false },
    plugins: [],
    envValueFrom: {},
    datasources: { [GRAFANA_DATASOURCES_FILE]: { apiVersion: 1, datasources: [] } },
    ...(input.dashboardsConfigMap ? {
      dashboardProviders: {
        'dashboardproviders.yaml': {
          apiVersion: 1,
          providers: [{
            name: GRAFANA_DASHBOARD_PROVIDER,
            orgId: 1,
            folder: '',
            type: 'file',
            disableDeletion: true,
            allowUiUpdates: false,
            options: { path: GRAFANA_DASHBOARDS_PATH },
          }],
        },
      },
      dashboardsConfigMaps: { [GRAFANA_DASHBOARD_PROVIDER]: input.dashboardsConfigMap },
    } : {}),
  };
  values['grafana.ini'] = GRAFANA_INI;
  return values;
}
