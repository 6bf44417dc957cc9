import { CRITICAL_REPEAT_INTERVAL_MINUTES, WARNING_REPEAT_INTERVAL_MINUTES } from '../prometheus-alert-defaults';

/** Name of the receiver that drops notifications. */
export const NULL_RECEIVER = 'null';
/** Name of the webhook receiver. */
export const WEBHOOK_RECEIVER = 'webhook';
/** Directory Alertmanager mounts `alertmanagerSpec.secrets` under (the Prometheus Operator's layout). */
export const ALERTMANAGER_SECRETS_DIR = '/etc/alertmanager/secrets';

/** A webhook whose URL Alertmanager reads from a mounted Secret. @internal */
export interface WebhookReceiver {
  readonly secretName: string;
  readonly secretKey: string;
}

/**
 * Alertmanager's configuration: critical alerts and warnings routed to the webhook (or dropped when
 * there is none) with their own repeat intervals, kube-prometheus-stack's Watchdog dropped, and a
 * critical alert of a resource inhibiting its warnings (a broker down explains its under-replicated partitions).
 * @internal
 */
export function alertmanagerConfig(groupBy: string[], webhook?: WebhookReceiver): Record<string, any> {
  const receiver = webhook ? WEBHOOK_RECEIVER : NULL_RECEIVER;
  return {
    global: { resolve_timeout: '5m' },
    route: {
      receiver,
      group_by: [...groupBy],
      group_wait: '30s',
      group_interval: '5m',
      repeat_interval: `${WARNING_REPEAT_INTERVAL_MINUTES}m`,
      routes: [
        { receiver: NULL_RECEIVER, matchers: ['alertname = "Watchdog"'] },
        { receiver, matchers: ['severity = "critical"'], repeat_interval: `${CRITICAL_REPEAT_INTERVAL_MINUTES}m` },
        { receiver, matchers: ['severity = "warning"'], repeat_interval: `${WARNING_REPEAT_INTERVAL_MINUTES}m` },
      ],
    },
    inhibit_rules: [{
      source_matchers: ['severity = "critical"'],
      target_matchers: ['severity = "warning"'],
      equal: ['namespace', 'resource'],
    }],
    receivers: [
      { name: NULL_RECEIVER },
      ...(webhook ? [{
        name: WEBHOOK_RECEIVER,
        webhook_configs: [{ url_file: `${ALERTMANAGER_SECRETS_DIR}/${webhook.secretName}/${webhook.secretKey}`, send_resolved: true }],
      }] : []),
    ],
    templates: ['/etc/alertmanager/config/*.tmpl'],
  };
}
