import { Construct } from 'constructs';
import { LakeNames, SEAWEEDFS_S3_PORT } from './lake-names';
import { CustomResources } from '../../../platform/k8s/custom-resources';
import { HelmChart } from '../../../platform/k8s/helm-chart';
import { KubernetesPlatform } from '../../../platform/k8s/kubernetes-platform';
import { KUBECTL_IMAGE, SEAWEEDFS_CHART, SEAWEEDFS_IMAGE } from '../../../platform/k8s/lake-versions';
import { KUBERNETES_API_PEER, KUBERNETES_API_PORTS } from '../../../platform/k8s/network';
import { RESTRICTED_CONTAINER_SECURITY_CONTEXT, RESTRICTED_POD_SECURITY_CONTEXT } from '../../../platform/k8s/pod-security';
import { ResourceRequirements, toK8sResources } from '../../../platform/k8s/resources';

/** User and group SeaweedFS and the key generator run as (non-root; owns the volumes). */
export const SEAWEEDFS_RUN_AS_USER = 1000;
/** Characters of a generated S3 access key id. */
export const S3_ACCESS_KEY_LENGTH = 20;
/** Characters of a generated S3 secret key. */
export const S3_SECRET_KEY_LENGTH = 40;
/** Label that makes a Secret visible to a Stackable SecretClass (k8sSearch backend). */
export const STACKABLE_SECRET_CLASS_LABEL = 'secrets.stackable.tech/class';

/** Inputs of the object store. @internal */
export interface ObjectStoreInput {
  readonly names: LakeNames;
  readonly buckets: string[];
  readonly sizeGiB: number;
  readonly volumeServers: number;
  readonly resources: ResourceRequirements;
  readonly storageClassName?: string;
}

const POD_SECURITY = {
  enabled: true,
  ...RESTRICTED_POD_SECURITY_CONTEXT,
  runAsUser: SEAWEEDFS_RUN_AS_USER,
  runAsGroup: SEAWEEDFS_RUN_AS_USER,
  fsGroup: SEAWEEDFS_RUN_AS_USER,
};
// SeaweedFS writes temporary files outside its volumes, so the root filesystem stays writable.
const CONTAINER_SECURITY = { enabled: true, ...RESTRICTED_CONTAINER_SECURITY_CONTEXT, readOnlyRootFilesystem: false };

/**
 * The lake's S3 keys, generated in the cluster so they never enter Terraform state: a pre-install
 * hook Job writes random keys with the SeaweedFS image's shell and stores them with kubectl in a
 * Secret (`accessKey`, `secretKey`) labelled for the lake's Stackable SecretClass.
 * @internal
 */
export function s3CredentialsGenerator(scope: Construct, names: LakeNames): CustomResources {
  const platform = KubernetesPlatform.ofKubernetes(scope);
  const labels = platform.labels('lake-s3-credentials');
  const name = `${names.prefix}-lake-s3-keygen`;
  const hook = (weight: number) => ({ 'helm.sh/hook': 'pre-install', 'helm.sh/hook-weight': String(weight), 'helm.sh/hook-delete-policy': 'before-hook-creation,hook-succeeded' });
  const release = new CustomResources(scope, 'Credentials', { releaseName: `${names.prefix}-lake-credentials`, dependsOn: [] });
  release.add({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, labels, annotations: hook(-10) } });
  release.add({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { name, labels, annotations: hook(-10) },
    rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['create'] }],
  } as any);
  release.add({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name, labels, annotations: hook(-10) },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
    subjects: [{ kind: 'ServiceAccount', name, namespace: names.namespace }],
  } as any);
  const script = [
    'set -eu',
    'key() { tr -dc A-Za-z0-9 </dev/urandom | head -c "$1"; }',
    'printf \'apiVersion: v1\\nkind: Secret\\nmetadata:\\n  name: %s\\n  labels:\\n    %s: %s\\nstringData:\\n  accessKey: %s\\n  secretKey: %s\\n\' \\',
    `  '${names.credentialsSecret}' '${STACKABLE_SECRET_CLASS_LABEL}' '${names.secretClass}' "$(key ${S3_ACCESS_KEY_LENGTH})" "$(key ${S3_SECRET_KEY_LENGTH})" > /work/secret.yaml`,
  ].join('\n');
  const container = (c: Record<string, any>) => ({
    ...c,
    securityContext: { ...RESTRICTED_CONTAINER_SECURITY_CONTEXT, runAsUser: SEAWEEDFS_RUN_AS_USER },
    resources: toK8sResources({ cpuRequest: '50m', memoryRequest: '64Mi', memoryLimit: '64Mi' }),
    volumeMounts: [{ name: 'work', mountPath: '/work' }],
  });
  release.add({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, labels, annotations: hook(0) },
    spec: {
      backoffLimit: 2,
      template: {
        metadata: { labels: { ...labels, 'app.kubernetes.io/name': name } },
        spec: {
          serviceAccountName: name,
          restartPolicy: 'Never',
          securityContext: RESTRICTED_POD_SECURITY_CONTEXT,
          volumes: [{ name: 'work', emptyDir: { medium: 'Memory' } }],
          initContainers: [container({ name: 'generate', image: SEAWEEDFS_IMAGE, command: ['/bin/sh', '-c', script] })],
          containers: [container({ name: 'store', image: KUBECTL_IMAGE, args: ['create', '--namespace', names.namespace, '-f', '/work/secret.yaml'] })],
        },
      },
    },
  });
  platform.allowTraffic(scope, 'allow-lake-s3-keygen', {
    podLabels: { 'app.kubernetes.io/name': name },
    egress: [{ peers: [KUBERNETES_API_PEER], ports: KUBERNETES_API_PORTS }],
  });
  return release;
}

/** Values of the SeaweedFS chart: S3 gateway with auth, PVCs, restricted pods, buckets. @internal */
export function seaweedfsValues(input: ObjectStoreInput): Record<string, any> {
  const { names, resources } = input;
  const pvc = (sizeGiB: number) => ({ type: 'persistentVolumeClaim', size: `${sizeGiB}Gi`, storageClass: input.storageClassName ?? '' });
  const secured = { resources: toK8sResources(resources), podSecurityContext: POD_SECURITY, containerSecurityContext: CONTAINER_SECURITY };
  // hostPath (the chart's default for logs) is forbidden under Pod Security "restricted".
  const component = (extra: Record<string, any>) => ({ ...secured, logs: { type: 'emptyDir' }, ...extra });
  return {
    master: component({ data: pvc(1) }),
    filer: component({ data: pvc(10), s3: { enabled: false } }),
    volume: {
      ...secured,
      replicas: input.volumeServers,
      dataDirs: [{ name: 'data1', ...pvc(input.sizeGiB), maxVolumes: 0 }],
      // The resize hook runs a third-party kubectl image as root; resize PVCs by hand instead.
      resizeHook: { enabled: false },
    },
    s3: component({
      enabled: true,
      enableAuth: true,
      // The admin identity reads its keys from the generated Secret (never from Helm values).
      credentials: { admin: { existingSecret: names.credentialsSecret, accessKeyKey: 'accessKey', secretKeyKey: 'secretKey' } },
      createBuckets: input.buckets.map((name) => ({ name, anonymousRead: false })),
      createBucketsHook: { resources: toK8sResources(resources) },
    }),
    networkPolicy: { enabled: true, egress: { enabled: true, allowDNS: true, kubeApiServer: { enabled: false } } },
  };
}

/** The SeaweedFS release and the policies letting lake clients reach its S3 gateway. @internal */
export function seaweedfs(scope: Construct, input: ObjectStoreInput, credentials: CustomResources): HelmChart {
  const platform = KubernetesPlatform.ofKubernetes(scope);
  const chart = new HelmChart(scope, 'SeaweedFS', {
    releaseName: input.names.seaweedfsRelease,
    chart: SEAWEEDFS_CHART,
    values: seaweedfsValues(input),
    dependsOn: [credentials.release],
  });
  platform.allowTraffic(scope, 'allow-lake-s3-clients', {
    podLabels: input.names.seaweedfsPods('s3'),
    ingress: [{ peers: [{ podLabels: {} }], ports: [{ port: SEAWEEDFS_S3_PORT }] }],
  });
  platform.allowTraffic(scope, 'allow-lake-s3-client-egress', {
    podLabels: {},
    egress: [{ peers: [{ podLabels: input.names.seaweedfsPods('s3') }], ports: [{ port: SEAWEEDFS_S3_PORT }] }],
  });
  return chart;
}
