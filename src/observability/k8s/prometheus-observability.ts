import { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import { Construct, IConstruct } from 'constructs';
import { prometheusAlertsFor, scrapeTargetsFor } from './catalog';
import { CNPG_METRICS_PORT, POSTGRESQL_RULE_GROUP } from './catalog/postgresql';
import { PrometheusAlertSpec, ScrapeTargetSpec } from './catalog/prometheus-alert-spec';
import { WebhookReceiver } from './private/alertmanager-config';
import { generateDashboards } from './private/dashboards';
import { monitorResource, prometheusRules } from './private/monitoring-resources';
import { MonitoringPods, monitoringPods } from './private/stack-labels';
import { allowScraping, allowStackTraffic } from './private/stack-network';
import { GRAFANA_DASHBOARD_LABEL, GRAFANA_DASHBOARD_LABEL_VALUE, kubePrometheusStackValues } from './private/stack-values';
import {
  DEFAULT_ALERT_GROUP_BY, DEFAULT_ALERT_WEBHOOK_PORT, DEFAULT_ALERT_WEBHOOK_SECRET_KEY, DEFAULT_PROMETHEUS_RESOURCES,
  DEFAULT_PROMETHEUS_RETENTION_DAYS, DEFAULT_PROMETHEUS_STORAGE_GI,
} from './prometheus-alert-defaults';
import {
  AlertWebhookOptions, EXISTING_PROMETHEUS_PEER, PROMETHEUS_RELEASE_SUFFIX, PrometheusObservabilityProps,
} from './prometheus-observability-props';
import { ITerraformDependable, TerraformResource } from '../../core/cdktf';
import { invalidProp } from '../../core/errors';
import { boundedObjectName, checkName, KubernetesNameRules } from '../../core/naming';
import { escapeTerraformTemplate } from '../../core/terraform-escape';
import { integerInRange, isUnresolved } from '../../core/validate';
import { CustomResources } from '../../platform/k8s/custom-resources';
import { HelmChart } from '../../platform/k8s/helm-chart';
import { KubernetesPlatform } from '../../platform/k8s/kubernetes-platform';
import { NetworkPeer, NetworkRule } from '../../platform/k8s/network';
import { KUBE_PROMETHEUS_STACK_CHART } from '../../platform/k8s/observability-versions';
import { checkResources } from '../../platform/k8s/resources';
import { defaultSecretStore } from '../../secrets/default-secret-store';
import { ICredential } from '../../secrets/secret-store-contract';
import { AlarmBackend, AlarmDescription, AlarmOverride, IObservabilityStack } from '../alarm-contract';
import { AlarmDiscovery, sortDescriptions } from '../private/alarm-discovery';

/** Longest Helm release name. */
const MAX_RELEASE_NAME = 53;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * The Kubernetes backend of an ObservabilityStack: kube-prometheus-stack (pinned) in the platform
 * namespace, and for every pipeline construct of the stack (Strimzi Kafka and its topics, Kafka
 * Connect clusters, CloudNativePG databases, the CDC source databases) PrometheusRules tied to the
 * resource by label matchers, PodMonitors, the NetworkPolicies that let Prometheus scrape through
 * the namespace's default deny, and Grafana dashboards generated from the same expressions.
 *
 * - Prometheus keeps `retentionDays` of samples on a `storageGi` volume and selects every monitor
 *   and rule of the platform namespace (the `*SelectorNilUsesHelmValues` trap handled); monitors and
 *   rules also carry `release: <release>` for an existing stack (`installPrometheusStack: false`).
 * - Alertmanager routes critical alerts and warnings to a webhook whose URL stays in a Secret.
 * - Grafana's administrator comes from a SecretStore credential; Grafana, Prometheus and
 *   Alertmanager have no Ingress (use `kubectl port-forward`, or `grafanaClients`).
 * - Container logs of the namespace are shipped to `searchCluster` when one is given.
 *
 * Rules, monitors and dashboards are created at synth, once the whole stack exists; `alarms()`
 * lists the rules at any time.
 */
export class PrometheusObservability extends Construct implements IObservabilityStack {
  public readonly backend = AlarmBackend.PROMETHEUS;
  /** Release name of the kube-prometheus-stack (installed or existing). */
  public readonly releaseName: string;
  /** The kube-prometheus-stack release, when this stack installs it. */
  public readonly chart?: HelmChart;
  /** Grafana's administrator credential, when this stack installs Grafana. */
  public readonly grafanaAdminCredential?: ICredential;
  /** Service of Grafana (port 80), when installed: `kubectl port-forward svc/<name> 3000:80`. */
  public readonly grafanaServiceName?: string;

  private readonly discovery: AlarmDiscovery<PrometheusAlertSpec>;
  private readonly platform: KubernetesPlatform;
  private readonly prometheusPeer: NetworkPeer;
  private readonly pods?: MonitoringPods;
  private readonly installed: boolean;

  constructor(scope: Construct, id: string, props: PrometheusObservabilityProps = {}) {
    super(scope, id);
    this.platform = KubernetesPlatform.ofKubernetes(this);
    const platform = this.platform;
    this.installed = props.installPrometheusStack ?? true;
    this.releaseName = this.resolveReleaseName(props);
    const retentionDays = integerInRange(this, 'retentionDays', props.retentionDays, 1, 3650, DEFAULT_PROMETHEUS_RETENTION_DAYS);
    const storageGi = integerInRange(this, 'storageGi', props.storageGi, 1, 16_384, DEFAULT_PROMETHEUS_STORAGE_GI);
    const prometheusResources = checkResources(this, 'prometheusResources', props.prometheusResources ?? DEFAULT_PROMETHEUS_RESOURCES, '2Gi');
    const groupBy = this.checkGroupBy(props.alertGroupBy ?? DEFAULT_ALERT_GROUP_BY);
    const webhook = props.alertWebhook ? this.checkWebhook(props.alertWebhook) : undefined;

    if (this.installed) {
      const pods = monitoringPods(this.releaseName);
      this.pods = pods;
      this.prometheusPeer = props.prometheusPeer ?? { podLabels: pods.prometheus };
      this.grafanaAdminCredential = (props.secretStore ?? defaultSecretStore(this)).generateCredential('GrafanaAdmin', {
        name: boundedObjectName(`${PROMETHEUS_RELEASE_SUFFIX}-grafana-admin`, 40),
        username: 'admin',
        description: `Administrator of the monitoring Grafana ${this.releaseName}`,
      });
      const adminSecret = this.grafanaAdminCredential.kubernetesSecretName;
      if (!adminSecret) {
        throw invalidProp(this, 'secretStore', this.grafanaAdminCredential.backend,
          'Grafana reads its administrator from a Kubernetes Secret: use a KubernetesSecretStore or a VaultSecretStore');
      }
      const policies = allowStackTraffic(this, {
        release: this.releaseName,
        pods,
        webhook: webhook?.egress,
        grafanaClients: props.grafanaClients ?? [],
      });
      // Grafana reads its administrator's Secret at start.
      const credentialResources: ITerraformDependable[] = this.grafanaAdminCredential.node.findAll()
        .filter((c): c is TerraformResource => c instanceof TerraformResource);
      this.chart = new HelmChart(this, 'Chart', {
        releaseName: this.releaseName,
        chart: KUBE_PROMETHEUS_STACK_CHART,
        values: kubePrometheusStackValues({
          release: this.releaseName,
          namespace: platform.namespace,
          retentionDays,
          storageGi,
          storageClassName: platform.storageClassName,
          prometheusResources,
          groupBy,
          webhook: webhook?.receiver,
          grafanaAdminSecret: adminSecret,
        }),
        dependsOn: [...policies, ...credentialResources],
      });
      this.grafanaServiceName = `${this.releaseName}-grafana`;
    } else {
      this.prometheusPeer = props.prometheusPeer ?? EXISTING_PROMETHEUS_PEER;
    }

    this.discovery = new AlarmDiscovery<PrometheusAlertSpec>(
      this,
      props,
      (node) => prometheusAlertsFor(node),
      (specs) => this.build(specs),
      () => props.searchCluster?.ingestLogs('PipelineLogs', { namespaces: [platform.namespace] }),
    );
  }

  public alarms(): AlarmDescription[] {
    return sortDescriptions(this.discovery.specs().map((spec) => ({
      key: spec.key,
      name: spec.alert,
      backend: AlarmBackend.PROMETHEUS,
      metric: spec.expr,
      dimensions: { ...spec.matchers },
      threshold: spec.threshold,
      comparison: spec.comparison,
      durationSeconds: spec.forSeconds,
      resource: spec.resource.node.path,
      description: spec.description,
    })));
  }

  public monitor(scope: IConstruct): void {
    this.discovery.monitor(scope);
  }

  public overrideAlarm(override: AlarmOverride): void {
    this.discovery.override(override);
  }

  /** Labels of the rules and monitors: the platform's, plus `release` for kube-prometheus-stack. */
  private get monitoringLabels(): Record<string, string> {
    return { ...this.platform.labels('observability'), release: this.releaseName };
  }

  /** PrometheusRules, monitors, their NetworkPolicies and the dashboards, once the tree is complete. */
  private build(specs: PrometheusAlertSpec[]): void {
    const platform = this.platform;
    const targets = this.scrapeTargets();
    const labels = this.monitoringLabels;
    const rules = prometheusRules(specs, platform.namePrefix, platform.namespace, labels);
    if (rules.length > 0 || targets.length > 0) {
      const resources = new CustomResources(this, 'Monitoring', {
        releaseName: boundedObjectName(`${this.releaseName}-pipeline`, MAX_RELEASE_NAME),
        dependsOn: this.chart ? [this.chart.release] : [],
      });
      rules.forEach((r) => resources.add(r));
      targets.forEach((t) => resources.add(monitorResource(t, labels)));
    }
    const ownMonitorPorts = specs.some((s) => s.group === POSTGRESQL_RULE_GROUP) ? [CNPG_METRICS_PORT] : [];
    allowScraping(this, targets, this.prometheusPeer,
      this.installed ? { release: this.releaseName, pods: this.pods!, extraPorts: ownMonitorPorts } : undefined);
    if (specs.length === 0) return;
    for (const dashboard of generateDashboards(specs, platform.namePrefix, platform.namespace)) {
      new ConfigMapV1(this, `Dashboard-${dashboard.name}`, {
        metadata: {
          name: boundedObjectName(`${platform.namePrefix}-dashboard-${dashboard.name}`),
          namespace: platform.namespace,
          labels: { ...platform.labels('observability'), [GRAFANA_DASHBOARD_LABEL]: GRAFANA_DASHBOARD_LABEL_VALUE },
        },
        data: { [`${dashboard.name}.json`]: escapeTerraformTemplate(JSON.stringify(dashboard.model)) },
        dependsOn: platform.baseline,
      });
    }
  }

  /** Scrape targets of every watched construct (one per name). */
  private scrapeTargets(): ScrapeTargetSpec[] {
    const byName = new Map<string, ScrapeTargetSpec>();
    for (const node of this.discovery.watched()) {
      for (const target of scrapeTargetsFor(node)) if (!byName.has(target.name)) byName.set(target.name, target);
    }
    return [...byName.values()];
  }

  private resolveReleaseName(props: PrometheusObservabilityProps): string {
    if (props.prometheusReleaseName === undefined) {
      if (!this.installed) {
        throw invalidProp(this, 'prometheusReleaseName', undefined,
          'with installPrometheusStack: false, give the release name of the existing kube-prometheus-stack (its Prometheus selects monitors and rules labelled release: <name>)');
      }
      return `${this.platform.namePrefix}-${PROMETHEUS_RELEASE_SUFFIX}`;
    }
    const name = props.prometheusReleaseName;
    if (isUnresolved(name)) return name;
    return checkName(this, 'prometheusReleaseName', name, {
      ...KubernetesNameRules.DNS_LABEL, kind: 'Helm release name', maxLength: MAX_RELEASE_NAME,
    });
  }

  private checkGroupBy(labels: string[]): string[] {
    if (!Array.isArray(labels) || labels.length === 0 || labels.some((l) => typeof l !== 'string' || !LABEL_NAME.test(l))) {
      throw invalidProp(this, 'alertGroupBy', labels, 'list one or more Prometheus label names (letters, digits and "_", not starting with a digit)');
    }
    return [...labels];
  }

  private checkWebhook(o: AlertWebhookOptions): { receiver: WebhookReceiver; egress: NetworkRule } {
    checkName(this, 'alertWebhook.secretName', o.secretName, KubernetesNameRules.DNS_LABEL);
    const key = o.secretKey ?? DEFAULT_ALERT_WEBHOOK_SECRET_KEY;
    if (!isUnresolved(key) && !/^[-._a-zA-Z0-9]{1,253}$/.test(key)) {
      throw invalidProp(this, 'alertWebhook.secretKey', key, 'use a Secret key: letters, digits, "-", "_" and "."');
    }
    const port = integerInRange(this, 'alertWebhook.port', o.port, 1, 65_535, DEFAULT_ALERT_WEBHOOK_PORT);
    const peers = o.peers ?? [{ cidr: '0.0.0.0/0' }];
    if (peers.length === 0) throw invalidProp(this, 'alertWebhook.peers', peers, 'list at least one peer, or leave it out for any address');
    return { receiver: { secretName: o.secretName, secretKey: key }, egress: { peers, ports: [{ port }] } };
  }
}
