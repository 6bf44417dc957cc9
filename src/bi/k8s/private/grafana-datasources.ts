import { isUnresolved } from '../../../core/validate';
import { NetworkPeer } from '../../../platform/k8s/network';
import { GRAFANA_POSTGRES_SSL_MODE } from '../grafana-analytics-props';

/** `<service>[.<namespace>[.svc[.cluster.local]]]` */
const SERVICE_HOST = /^([a-z0-9]([a-z0-9-]*[a-z0-9])?)(\.([a-z0-9]([a-z0-9-]*[a-z0-9])?)(\.svc(\.cluster\.local)?)?)?$/;

/** Namespace label every namespace carries (Kubernetes 1.22+). */
const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** Environment variable holding the password of a data source (from the credential's Secret). @internal */
export function passwordVariable(key: string): string {
  return `DS_${key.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_PASSWORD`;
}

/** A provisioned PostgreSQL data source whose password is read from an environment variable. @internal */
export function postgresDataSource(input: {
  name: string; uid: string; host: string; port: number; database: string; user: string; passwordVariable: string;
}): Record<string, any> {
  return {
    name: input.name,
    uid: input.uid,
    type: 'grafana-postgresql-datasource',
    access: 'proxy',
    url: `${input.host}:${input.port}`,
    user: input.user,
    editable: false,
    jsonData: { database: input.database, sslmode: GRAFANA_POSTGRES_SSL_MODE },
    secureJsonData: { password: `$__env{${input.passwordVariable}}` },
  };
}

/** A provisioned Trino data source (the lake's Trino has no authentication; queries run as user `grafana`). @internal */
export function trinoDataSource(input: { name: string; uid: string; url: string }): Record<string, any> {
  return {
    name: input.name,
    uid: input.uid,
    type: 'trino-datasource',
    access: 'proxy',
    url: input.url,
    editable: false,
    jsonData: {},
  };
}

/**
 * Who Grafana connects to for a host name: the pods of the host's namespace for a cluster Service
 * name (`svc`, `svc.ns`, `svc.ns.svc[.cluster.local]`; the target's own policy narrows it to its
 * pods), or `undefined` for anything else (an address outside the cluster).
 * @internal
 */
export function servicePeer(host: string, platformNamespace: string): NetworkPeer | undefined {
  if (isUnresolved(host)) return { podLabels: {} };
  const match = SERVICE_HOST.exec(host);
  if (!match) return undefined;
  const namespace = match[4];
  if (namespace !== undefined && match[6] === undefined && namespace !== platformNamespace) {
    // `a.b` without `.svc` may as well be an external name.
    return undefined;
  }
  if (namespace === undefined || namespace === platformNamespace) return { podLabels: {} };
  return { podLabels: {}, namespaceLabels: { [NAMESPACE_NAME_LABEL]: namespace } };
}

/** Host and port of an http(s) URL; undefined when it is not one. @internal */
export function httpTarget(url: string): { host: string; port: number } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const port = parsed.port ? Number(parsed.port) : parsed.protocol === 'https:' ? 443 : 80;
  return { host: parsed.hostname, port };
}

