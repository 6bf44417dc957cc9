import { Construct } from 'constructs';
import { HIVE_METASTORE_PORT, LAKE_S3_REGION, LakeNames, TRINO_CATALOG_NAME, TRINO_PORT } from './lake-names';
import { ITerraformDependable } from '../../../core/cdktf';
import { HelmChart } from '../../../platform/k8s/helm-chart';
import { KubernetesPlatform } from '../../../platform/k8s/kubernetes-platform';
import { TRINO_CHART } from '../../../platform/k8s/lake-versions';
import { RESTRICTED_CONTAINER_SECURITY_CONTEXT, RESTRICTED_POD_SECURITY_CONTEXT } from '../../../platform/k8s/pod-security';
import { ResourceRequirements, toK8sResources } from '../../../platform/k8s/resources';

/** User and group Trino runs as (the image's `trino` user). */
export const TRINO_RUN_AS_USER = 1000;
/** Share of the container memory limit the Trino JVM heap may use, percent. */
export const TRINO_HEAP_PERCENT = 70;

/** Inputs of the Trino release. @internal */
export interface TrinoInput {
  readonly names: LakeNames;
  readonly workers: number;
  readonly resources: ResourceRequirements;
  readonly dependsOn: ITerraformDependable[];
}

/** The Iceberg catalog on the Hive Metastore and the lake's S3 (keys from the generated Secret). @internal */
export function icebergCatalog(names: LakeNames): string {
  return [
    'connector.name=iceberg',
    'iceberg.catalog.type=hive_metastore',
    `hive.metastore.uri=${names.metastoreUri}`,
    'fs.native-s3.enabled=true',
    `s3.endpoint=${names.s3Endpoint}`,
    `s3.region=${LAKE_S3_REGION}`,
    's3.path-style-access=true',
    // Trino's `${ENV:...}`, escaped for the Terraform configuration the values travel through.
    's3.aws-access-key=$${ENV:LAKE_S3_ACCESS_KEY}',
    's3.aws-secret-key=$${ENV:LAKE_S3_SECRET_KEY}',
    '',
  ].join('\n');
}

/** Values of the Trino chart. @internal */
export function trinoValues(input: TrinoInput): Record<string, any> {
  const { names } = input;
  const secretEnv = (name: string, key: string) => ({ name, valueFrom: { secretKeyRef: { name: names.credentialsSecret, key } } });
  const node = {
    resources: toK8sResources(input.resources),
    jvm: { maxHeapSize: null, maxHeapPercent: TRINO_HEAP_PERCENT },
  };
  return {
    server: { workers: input.workers },
    catalogs: { [TRINO_CATALOG_NAME]: icebergCatalog(names) },
    env: [secretEnv('LAKE_S3_ACCESS_KEY', 'accessKey'), secretEnv('LAKE_S3_SECRET_KEY', 'secretKey')],
    securityContext: { ...RESTRICTED_POD_SECURITY_CONTEXT, runAsUser: TRINO_RUN_AS_USER, runAsGroup: TRINO_RUN_AS_USER },
    // Trino writes spill and plugin caches under its data directory on the root filesystem.
    containerSecurityContext: { ...RESTRICTED_CONTAINER_SECURITY_CONTEXT, readOnlyRootFilesystem: false },
    coordinator: node,
    worker: node,
    service: { port: TRINO_PORT },
  };
}

/** The Trino release (Iceberg catalog `lake`) and its NetworkPolicy. @internal */
export function trino(scope: Construct, input: TrinoInput): HelmChart {
  const platform = KubernetesPlatform.ofKubernetes(scope);
  const chart = new HelmChart(scope, 'Trino', {
    releaseName: input.names.trinoRelease, chart: TRINO_CHART, values: trinoValues(input), dependsOn: input.dependsOn,
  });
  const trinoPods = { podLabels: input.names.trinoPods };
  platform.allowTraffic(scope, 'allow-lake-trino', {
    podLabels: input.names.trinoPods,
    // Clients in the namespace query the coordinator; coordinator and workers talk to each other.
    ingress: [{ peers: [{ podLabels: {} }], ports: [{ port: TRINO_PORT }] }],
    egress: [
      { peers: [trinoPods], ports: [{ port: TRINO_PORT }] },
      { peers: [{ podLabels: input.names.hivePods }], ports: [{ port: HIVE_METASTORE_PORT }] },
    ],
  });
  return chart;
}
