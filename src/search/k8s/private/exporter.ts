import { KubernetesObject } from '../../../platform/k8s/custom-resources';
import { RESTRICTED_CONTAINER_SECURITY_CONTEXT, RESTRICTED_POD_SECURITY_CONTEXT } from '../../../platform/k8s/pod-security';
import { ResourceRequirements, toK8sResources } from '../../../platform/k8s/resources';
import { ELASTICSEARCH_EXPORTER_IMAGE, ELASTICSEARCH_EXPORTER_RUN_AS_USER } from '../../../platform/k8s/search-versions';
import { ELASTICSEARCH_EXPORTER_PORT, ELASTICSEARCH_EXPORTER_PORT_NAME } from '../eck-constants';

/** Where the exporter mounts the cluster's HTTP CA (`<cluster>-es-http-certs-public`). */
export const EXPORTER_CA_DIR = '/etc/elasticsearch-ca';
/** Seconds the exporter waits for Elasticsearch on each scrape. */
export const EXPORTER_ES_TIMEOUT_SECONDS = 10;

/** Inputs of the exporter. @internal */
export interface ExporterInput {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly podLabels: Record<string, string>;
  readonly url: string;
  readonly caSecretName: string;
  /** basic-auth Secret (`username`, `password`) of the exporter's monitoring user. */
  readonly credentialSecretName: string;
  readonly resources: ResourceRequirements;
}

/**
 * The Prometheus community's elasticsearch_exporter as a Deployment and a Service: stats of every
 * node (`--es.all`) and cluster health, over HTTPS verified with the cluster's CA, as a user whose
 * only role is `monitor` (ES_USERNAME / ES_PASSWORD from its Secret). Pod Security "restricted",
 * no service account token.
 * @internal
 */
export function exporterResources(input: ExporterInput): KubernetesObject[] {
  const secretEnv = (name: string, key: string) => ({ name, valueFrom: { secretKeyRef: { name: input.credentialSecretName, key } } });
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: input.name, labels: input.labels },
    spec: {
      replicas: 1,
      selector: { matchLabels: input.podLabels },
      template: {
        metadata: { labels: { ...input.labels, ...input.podLabels } },
        spec: {
          automountServiceAccountToken: false,
          securityContext: {
            ...RESTRICTED_POD_SECURITY_CONTEXT, runAsUser: ELASTICSEARCH_EXPORTER_RUN_AS_USER, runAsGroup: ELASTICSEARCH_EXPORTER_RUN_AS_USER,
          },
          containers: [{
            name: 'exporter',
            image: ELASTICSEARCH_EXPORTER_IMAGE,
            args: [
              `--es.uri=${input.url}`,
              '--es.all',
              `--es.ca=${EXPORTER_CA_DIR}/ca.crt`,
              `--es.timeout=${EXPORTER_ES_TIMEOUT_SECONDS}s`,
              `--web.listen-address=:${ELASTICSEARCH_EXPORTER_PORT}`,
            ],
            env: [secretEnv('ES_USERNAME', 'username'), secretEnv('ES_PASSWORD', 'password')],
            ports: [{ name: ELASTICSEARCH_EXPORTER_PORT_NAME, containerPort: ELASTICSEARCH_EXPORTER_PORT }],
            livenessProbe: { httpGet: { path: '/healthz', port: ELASTICSEARCH_EXPORTER_PORT_NAME }, periodSeconds: 30 },
            readinessProbe: { httpGet: { path: '/healthz', port: ELASTICSEARCH_EXPORTER_PORT_NAME }, periodSeconds: 10 },
            resources: toK8sResources(input.resources),
            securityContext: RESTRICTED_CONTAINER_SECURITY_CONTEXT,
            volumeMounts: [{ name: 'elasticsearch-ca', mountPath: EXPORTER_CA_DIR, readOnly: true }],
          }],
          volumes: [{ name: 'elasticsearch-ca', secret: { secretName: input.caSecretName, items: [{ key: 'ca.crt', path: 'ca.crt' }] } }],
        },
      },
    },
  };
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: input.name, labels: { ...input.labels, ...input.podLabels } },
    spec: {
      selector: input.podLabels,
      ports: [{ name: ELASTICSEARCH_EXPORTER_PORT_NAME, port: ELASTICSEARCH_EXPORTER_PORT, targetPort: ELASTICSEARCH_EXPORTER_PORT_NAME }],
    },
  };
  return [deployment, service];
}
