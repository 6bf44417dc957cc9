import { Construct } from 'constructs';
import { LAKE_S3_REGION, LakeNames, SEAWEEDFS_S3_PORT } from './lake-names';
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

/** SeaweedFS identity of the lake's own components (not a DNS label, so no Identity can take it). */
export const LAKE_ADMIN_S3_IDENTITY = 'lake_admin';
/** Key of the SeaweedFS identities config in its Secret (what `s3.existingConfigSecret` must hold). */
export const SEAWEEDFS_S3_CONFIG_KEY = 'seaweedfs_s3_config';

/** One S3 principal of the lake: a SeaweedFS identity, its actions and the Secret of its keys. @internal */
export interface LakeS3Principal {
  /** SeaweedFS identity name. */
  readonly name: string;
  /** Secret the Job writes the keys to. */
  readonly secretName: string;
  /** SeaweedFS actions (`Admin`, or `Read:<bucket>` and the like). */
  readonly actions: string[];
}

/**
 * The SeaweedFS identities config (`{"identities":[...]}`) of the principals, each key given as a
 * placeholder (the Job's printf substitutes the generated keys).
 * @internal
 */
export function seaweedfsIdentitiesConfig(principals: LakeS3Principal[], placeholder = '%s'): Record<string, any> {
  return {
    identities: principals.map((p) => ({
      name: p.name,
      credentials: [{ accessKey: placeholder, secretKey: placeholder }],
      actions: p.actions,
    })),
  };
}

/** The key generator's shell script (SeaweedFS image; busybox sh). @internal */
export function s3KeygenScript(names: LakeNames, principals: LakeS3Principal[]): string {
  // Names, buckets and endpoints are [a-z0-9.:/_-] and keys alphanumeric: nothing here needs quoting
  // beyond the single quotes, and the JSON has no % or \ that printf would interpret.
  const keyArgs = principals.map((_p, i) => `"$AK${i}" "$SK${i}"`).join(' ');
  const lines = [
    'set -eu',
    'key() { tr -dc A-Za-z0-9 </dev/urandom | head -c "$1"; }',
    ...principals.map((_p, i) => `AK${i}="$(key ${S3_ACCESS_KEY_LENGTH})"; SK${i}="$(key ${S3_SECRET_KEY_LENGTH})"`),
    `CONFIG="$(printf '${JSON.stringify(seaweedfsIdentitiesConfig(principals))}' ${keyArgs})"`,
    '{',
    'printf \'apiVersion: v1\\nkind: Secret\\nmetadata:\\n  name: %s\\n  labels:\\n    %s: %s\\nstringData:\\n  accessKey: %s\\n  secretKey: %s\\n\' \\',
    `  '${principals[0].secretName}' '${STACKABLE_SECRET_CLASS_LABEL}' '${names.secretClass}' "$AK0" "$SK0"`,
    ...principals.slice(1).flatMap((p, j) => [
      'echo \'---\'',
      'printf \'apiVersion: v1\\nkind: Secret\\nmetadata:\\n  name: %s\\nstringData:\\n  accessKey: %s\\n  secretKey: %s\\n  endpoint: %s\\n  region: %s\\n\' \\',
      `  '${p.secretName}' "$AK${j + 1}" "$SK${j + 1}" '${names.s3Endpoint}' '${LAKE_S3_REGION}'`,
    ]),
    'echo \'---\'',
    `printf 'apiVersion: v1\\nkind: Secret\\nmetadata:\\n  name: %s\\nstringData:\\n  ${SEAWEEDFS_S3_CONFIG_KEY}: |\\n    %s\\n' '${names.s3ConfigSecret}' "$CONFIG"`,
    '} > /work/secret.yaml',
  ];
  return lines.join('\n');
}

/**
 * The lake's S3 keys, generated in the cluster so they never enter Terraform state or Helm values:
 * a pre-install hook Job writes random keys with the SeaweedFS image's shell, one pair per principal
 * (`principals()[0]` is the lake components' admin, labelled for the lake's Stackable SecretClass;
 * the others are granted identities, whose Secrets also carry `endpoint` and `region`), plus the
 * SeaweedFS identities config Secret the S3 gateway loads (`s3.existingConfigSecret`), and creates
 * them with kubectl. `principals` is read at synthesis, so grants made after this call are included.
 * @internal
 */
export function s3CredentialsGenerator(scope: Construct, names: LakeNames, principals: () => LakeS3Principal[]): CustomResources {
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
  const container = (c: Record<string, any>) => ({
    ...c,
    securityContext: { ...RESTRICTED_CONTAINER_SECURITY_CONTEXT, runAsUser: SEAWEEDFS_RUN_AS_USER },
    resources: toK8sResources({ cpuRequest: '50m', memoryRequest: '64Mi', memoryLimit: '64Mi' }),
    volumeMounts: [{ name: 'work', mountPath: '/work' }],
  });
  release._addLazy(() => ({
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
          initContainers: [container({ name: 'generate', image: SEAWEEDFS_IMAGE, command: ['/bin/sh', '-c', s3KeygenScript(names, principals())] })],
          containers: [container({ name: 'store', image: KUBECTL_IMAGE, args: ['create', '--namespace', names.namespace, '-f', '/work/secret.yaml'] })],
        },
      },
    },
  }));
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
      // The whole identities config (admin + granted identities) comes from the Secret the key
      // generator Job writes, never from Helm values. Verified in seaweedfs chart 4.44.0
      // (k8s/charts/seaweedfs): values.yaml `s3.existingConfigSecret` ("should have a secret key
      // called seaweedfs_s3_config"); templates/s3/s3-deployment.yaml mounts that Secret at /etc/sw
      // (no subPath) and runs `weed s3 -config=/etc/sw/seaweedfs_s3_config`; templates/s3/s3-secret.yaml
      // and s3.credentials are skipped when it is set; templates/shared/post-install-bucket-hook.yaml
      // mounts the same Secret. The gateway reads the file at start and again only on SIGHUP
      // (weed/s3api/s3api_server.go grace.OnReload), with no file watch and no checksum annotation:
      // a changed Secret takes effect when the s3 pod restarts.
      existingConfigSecret: names.s3ConfigSecret,
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
