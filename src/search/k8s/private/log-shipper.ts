import { ClusterRoleBindingV1 } from '@cdktf/provider-kubernetes/lib/cluster-role-binding-v1';
import { ClusterRoleV1 } from '@cdktf/provider-kubernetes/lib/cluster-role-v1';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { NetworkPolicyV1 } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { ServiceAccountV1 } from '@cdktf/provider-kubernetes/lib/service-account-v1';
import { Construct } from 'constructs';
import { ITerraformDependable } from '../../../core/cdktf';
import { KubernetesObject } from '../../../platform/k8s/custom-resources';
import { KubernetesPlatform } from '../../../platform/k8s/kubernetes-platform';
import { KUBERNETES_API_PORTS } from '../../../platform/k8s/network';
import { ResourceRequirements, toK8sResources } from '../../../platform/k8s/resources';
import { BEAT_API_VERSION, BEAT_NAME_LABEL, ELASTICSEARCH_HTTP_PORT } from '../eck-constants';

/** Pod Security level of the log shipper namespace: hostPath volumes need "privileged". */
export const LOG_SHIPPER_POD_SECURITY_LEVEL = 'privileged';
/** Node directories Filebeat reads (read-only hostPath mounts at the same paths). */
export const CONTAINER_LOG_PATHS = ['/var/log/containers', '/var/log/pods'];
/** Label Kubernetes sets on every namespace with its name. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * The namespace the log shippers of one cluster run in, with its own network baseline: Pod Security
 * "privileged" (Filebeat needs hostPath volumes, which "baseline" and "restricted" forbid; the
 * platform namespace keeps its level), a default-deny NetworkPolicy, DNS, and per shipper the
 * Kubernetes API (autodiscover) and Elasticsearch.
 * @internal
 */
export class LogShipperNamespace extends Construct {
  public readonly namespace: string;
  public readonly baseline: ITerraformDependable[];

  constructor(scope: Construct, id: string, namespace: string) {
    super(scope, id);
    const platform = KubernetesPlatform.ofKubernetes(this);
    this.namespace = namespace;
    const labels = platform.labels('log-shipper');
    const ns = new NamespaceV1(this, 'Namespace', {
      metadata: {
        name: namespace,
        labels: {
          ...labels,
          'pod-security.kubernetes.io/enforce': LOG_SHIPPER_POD_SECURITY_LEVEL,
          'pod-security.kubernetes.io/audit': LOG_SHIPPER_POD_SECURITY_LEVEL,
          'pod-security.kubernetes.io/warn': LOG_SHIPPER_POD_SECURITY_LEVEL,
        },
      },
    });
    const metadata = (name: string) => ({ name, namespace, labels: platform.labels('network-policy') });
    const deny = new NetworkPolicyV1(this, 'DefaultDeny', {
      metadata: metadata('default-deny'),
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
      dependsOn: [ns],
    });
    const dns = new NetworkPolicyV1(this, 'AllowDns', {
      metadata: metadata('allow-dns'),
      spec: {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [{
          to: [{ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
          ports: [{ port: '53', protocol: 'UDP' }, { port: '53', protocol: 'TCP' }],
        }],
      },
      dependsOn: [ns],
    });
    this.baseline = [ns, deny, dns];
  }
}

/** Inputs of one Filebeat. @internal */
export interface BeatInput {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Record<string, string>;
  readonly version: string;
  readonly clusterName: string;
  readonly clusterNamespace: string;
  readonly namespaces: string[];
  readonly index: string;
  readonly resources: ResourceRequirements;
}

/**
 * Name of the user ECK creates for a Beat's `elasticsearchRef` (`<namespace>-<name>-beat-user`,
 * ECK's association naming for a single reference). Its role (`filebeat-*` and `logs-*` indices
 * only) does not cover the log index, so the cluster's role mapping adds the log writer role to it.
 * @internal
 */
export function beatUserName(namespace: string, name: string): string {
  return `${namespace}-${name}-beat-user`;
}

/** The Filebeat configuration: container logs of `namespaces` through Kubernetes autodiscover, into daily indices. @internal */
export function filebeatConfig(input: BeatInput): Record<string, any> {
  return {
    'filebeat.autodiscover': {
      providers: [{
        'type': 'kubernetes',
        'node': '${NODE_NAME}',
        'hints.enabled': false,
        'add_resource_metadata': { deployment: false, cronjob: false },
        'templates': [{
          condition: { or: input.namespaces.map((ns) => ({ equals: { 'kubernetes.namespace': ns } })) },
          config: [{
            'type': 'filestream',
            'id': 'container-${data.kubernetes.container.id}',
            'paths': ['/var/log/containers/*-${data.kubernetes.container.id}.log'],
            'parsers': [{ container: {} }],
            'prospector.scanner.symlinks': true,
          }],
        }],
      }],
    },
    'output.elasticsearch': { index: `${input.index}-%{+yyyy.MM.dd}` },
    // Plain daily indices: no index template or ILM policy to install (the writer role cannot).
    'setup.template.enabled': false,
    'setup.ilm.enabled': false,
  };
}

/**
 * The Filebeat Beat (DaemonSet) shipping the container logs of `namespaces` through its
 * `elasticsearchRef` (ECK writes the output's hosts, user and CA). It runs as root (the node's log
 * files are root's, mode 0640) without any capability, privilege escalation or writable root
 * filesystem, with the two log directories mounted read-only.
 * @internal
 */
export function beatResource(input: BeatInput): KubernetesObject {
  const volumes = CONTAINER_LOG_PATHS.map((path, i) => ({ name: `logs-${i}`, path }));
  return {
    apiVersion: BEAT_API_VERSION,
    kind: 'Beat',
    metadata: { name: input.name, namespace: input.namespace, labels: input.labels },
    spec: {
      type: 'filebeat',
      version: input.version,
      elasticsearchRef: { name: input.clusterName, namespace: input.clusterNamespace },
      config: filebeatConfig(input),
      daemonSet: {
        podTemplate: {
          metadata: { labels: input.labels },
          spec: {
            serviceAccountName: input.name,
            automountServiceAccountToken: true,
            securityContext: { runAsUser: 0, seccompProfile: { type: 'RuntimeDefault' } },
            containers: [{
              name: 'filebeat',
              resources: toK8sResources(input.resources),
              env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
              securityContext: {
                runAsUser: 0,
                allowPrivilegeEscalation: false,
                readOnlyRootFilesystem: true,
                capabilities: { drop: ['ALL'] },
              },
              volumeMounts: volumes.map((v) => ({ name: v.name, mountPath: v.path, readOnly: true })),
            }],
            volumes: volumes.map((v) => ({ name: v.name, hostPath: { path: v.path, type: 'Directory' } })),
          },
        },
      },
    },
  };
}

/**
 * The service account of one Filebeat and its read-only ClusterRole (get/list/watch pods,
 * namespaces, nodes: Kubernetes autodiscover and metadata), plus its network policy: the
 * Kubernetes API and Elasticsearch's HTTPS port in the platform namespace.
 * @internal
 */
export function beatAccess(
  scope: Construct, shipper: LogShipperNamespace, name: string, clusterNamespace: string,
  elasticsearch: Record<string, string>, podLabels: Record<string, string>,
): ITerraformDependable[] {
  const platform = KubernetesPlatform.ofKubernetes(scope);
  const labels = platform.labels('log-shipper');
  const account = new ServiceAccountV1(scope, 'ServiceAccount', {
    metadata: { name, namespace: shipper.namespace, labels },
    automountServiceAccountToken: false,
    dependsOn: shipper.baseline,
  });
  const clusterRoleName = `${shipper.namespace}-${name}-read`;
  const role = new ClusterRoleV1(scope, 'ClusterRole', {
    metadata: { name: clusterRoleName, labels },
    rule: [{ apiGroups: [''], resources: ['pods', 'namespaces', 'nodes'], verbs: ['get', 'list', 'watch'] }],
  });
  const binding = new ClusterRoleBindingV1(scope, 'ClusterRoleBinding', {
    metadata: { name: clusterRoleName, labels },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role.metadata.name },
    subject: [{ kind: 'ServiceAccount', name, namespace: shipper.namespace }],
    dependsOn: [account],
  });
  const policy = new NetworkPolicyV1(scope, 'NetworkPolicy', {
    metadata: { name: `allow-${name}`, namespace: shipper.namespace, labels: platform.labels('network-policy') },
    spec: {
      podSelector: { matchLabels: podLabels },
      policyTypes: ['Egress'],
      egress: [
        { to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: KUBERNETES_API_PORTS.map((p) => ({ port: String(p.port), protocol: 'TCP' })) },
        {
          to: [{ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: clusterNamespace } }, podSelector: { matchLabels: elasticsearch } }],
          ports: [{ port: String(ELASTICSEARCH_HTTP_PORT), protocol: 'TCP' }],
        },
      ],
    },
    dependsOn: shipper.baseline,
  });
  return [account, binding, policy];
}

/** Labels of one Filebeat's pods. @internal */
export function beatPodLabels(name: string): Record<string, string> {
  return { [BEAT_NAME_LABEL]: name };
}
