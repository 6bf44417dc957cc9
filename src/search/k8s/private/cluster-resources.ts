import { KubernetesObject } from '../../../platform/k8s/custom-resources';
import { ResourceRequirements, toK8sResources } from '../../../platform/k8s/resources';
import { ELASTICSEARCH_API_VERSION, ELASTICSEARCH_CLUSTER_LABEL, KIBANA_API_VERSION } from '../eck-constants';
import { ELASTICSEARCH_DATA_VOLUME_NAME, ELASTICSEARCH_NODE_SET_NAME, ElasticsearchAntiAffinity } from '../elasticsearch-search-cluster-props';

/** Helm annotation that keeps a resource when it leaves the release (RemovalPolicy.RETAIN). @internal */
export const HELM_KEEP_ANNOTATION: Record<string, string> = { 'helm.sh/resource-policy': 'keep' };
/** `volumeClaimDeletePolicy` under RemovalPolicy.RETAIN: volumes outlive the cluster. */
export const RETAIN_VOLUME_CLAIM_POLICY = 'DeleteOnScaledownOnly';
/** `volumeClaimDeletePolicy` under RemovalPolicy.DESTROY: volumes go with the cluster. */
export const DESTROY_VOLUME_CLAIM_POLICY = 'DeleteOnScaledownAndClusterDeletion';
/** Elasticsearch nodes that may be unavailable at once (rolling changes and voluntary disruptions). */
export const ELASTICSEARCH_MAX_UNAVAILABLE = 1;

/** Inputs of the Elasticsearch resource. @internal */
export interface ElasticsearchInput {
  readonly clusterName: string;
  readonly labels: Record<string, string>;
  readonly version: string;
  readonly nodes: number;
  readonly storageSizeGiB: number;
  readonly storageClassName?: string;
  readonly resources: ResourceRequirements;
  readonly antiAffinity: ElasticsearchAntiAffinity;
  readonly allowMmap: boolean;
  readonly httpCertificateSecretName?: string;
  /** `spec.auth` (file realm users and roles). */
  readonly auth: Record<string, any>;
  readonly retain: boolean;
}

/** `spec.http.tls`: a given certificate, or ECK's self-signed one (never disabled). @internal */
export function httpTls(certificateSecretName?: string): Record<string, any> {
  return certificateSecretName
    ? { certificate: { secretName: certificateSecretName } }
    : { selfSignedCertificate: { disabled: false } };
}

function antiAffinity(clusterName: string, mode: ElasticsearchAntiAffinity): Record<string, any> {
  const term = { labelSelector: { matchLabels: { [ELASTICSEARCH_CLUSTER_LABEL]: clusterName } }, topologyKey: 'kubernetes.io/hostname' };
  return mode === ElasticsearchAntiAffinity.REQUIRED
    ? { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term] } }
    : { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: term }] } };
}

/**
 * The Elasticsearch resource: one node set of master-eligible data nodes on persistent volumes,
 * TLS on HTTP (and, always in ECK, on transport), file realm users and roles, anti-affinity, one
 * node at a time for changes and disruptions. Pod and container security contexts are ECK's
 * defaults for Elasticsearch 8.8+ (non-root uid 1000, fsGroup 1000, RuntimeDefault seccomp, no
 * privilege escalation, all capabilities dropped, read-only root filesystem): they satisfy
 * Pod Security "restricted", and ECK applies them only when the pod template sets none.
 * @internal
 */
export function elasticsearchResource(input: ElasticsearchInput): KubernetesObject {
  return {
    apiVersion: ELASTICSEARCH_API_VERSION,
    kind: 'Elasticsearch',
    metadata: { name: input.clusterName, labels: input.labels, ...(input.retain ? { annotations: HELM_KEEP_ANNOTATION } : {}) },
    spec: {
      version: input.version,
      http: { tls: httpTls(input.httpCertificateSecretName) },
      auth: input.auth,
      updateStrategy: { changeBudget: { maxUnavailable: ELASTICSEARCH_MAX_UNAVAILABLE } },
      podDisruptionBudget: {
        spec: { maxUnavailable: ELASTICSEARCH_MAX_UNAVAILABLE, selector: { matchLabels: { [ELASTICSEARCH_CLUSTER_LABEL]: input.clusterName } } },
      },
      volumeClaimDeletePolicy: input.retain ? RETAIN_VOLUME_CLAIM_POLICY : DESTROY_VOLUME_CLAIM_POLICY,
      nodeSets: [{
        name: ELASTICSEARCH_NODE_SET_NAME,
        count: input.nodes,
        config: { 'node.store.allow_mmap': input.allowMmap },
        volumeClaimTemplates: [{
          metadata: { name: ELASTICSEARCH_DATA_VOLUME_NAME },
          spec: {
            accessModes: ['ReadWriteOnce'],
            resources: { requests: { storage: `${input.storageSizeGiB}Gi` } },
            ...(input.storageClassName ? { storageClassName: input.storageClassName } : {}),
          },
        }],
        podTemplate: {
          metadata: { labels: input.labels },
          spec: {
            containers: [{ name: 'elasticsearch', resources: toK8sResources(input.resources) }],
            affinity: antiAffinity(input.clusterName, input.antiAffinity),
          },
        },
      }],
    },
  };
}

/** Inputs of the Kibana resource. @internal */
export interface KibanaInput {
  readonly kibanaName: string;
  readonly clusterName: string;
  readonly labels: Record<string, string>;
  readonly version: string;
  readonly count: number;
  readonly resources: ResourceRequirements;
  readonly certificateSecretName?: string;
}

/**
 * The Kibana resource: connected to the cluster through `elasticsearchRef` (ECK creates its user
 * and trusts the cluster's CA), HTTPS with ECK's self-signed certificate or a given one, ECK's
 * hardened security contexts (Pod Security "restricted").
 * @internal
 */
export function kibanaResource(input: KibanaInput): KubernetesObject {
  return {
    apiVersion: KIBANA_API_VERSION,
    kind: 'Kibana',
    metadata: { name: input.kibanaName, labels: input.labels },
    spec: {
      version: input.version,
      count: input.count,
      elasticsearchRef: { name: input.clusterName },
      http: { tls: httpTls(input.certificateSecretName) },
      podTemplate: {
        metadata: { labels: input.labels },
        spec: { containers: [{ name: 'kibana', resources: toK8sResources(input.resources) }] },
      },
    },
  };
}
