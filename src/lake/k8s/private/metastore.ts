import { Construct } from 'constructs';
import { CNPG_STATUS_PORT, HIVE_METASTORE_PORT, LAKE_S3_REGION, LakeNames, POSTGRES_PORT, SEAWEEDFS_S3_PORT } from './lake-names';
import { LakeOperators } from './operators';
import { CLOUDNATIVE_PG_OPERATOR_POD_LABELS } from '../../../platform/k8s/cloudnative-pg-operator';
import { CustomResources, KubernetesObject } from '../../../platform/k8s/custom-resources';
import { KubernetesPlatform } from '../../../platform/k8s/kubernetes-platform';
import { HIVE_VERSION } from '../../../platform/k8s/lake-versions';
import { KUBERNETES_API_PEER, KUBERNETES_API_PORTS } from '../../../platform/k8s/network';
import { ResourceRequirements, toK8sResources } from '../../../platform/k8s/resources';

/** PostgreSQL database of the Hive Metastore. */
export const METASTORE_DATABASE = 'metastore';
/** Owner of that database; CloudNativePG generates its password into `<cluster>-app`. */
export const METASTORE_DATABASE_OWNER = 'hive';
/** Role group of the Hive Metastore. */
export const METASTORE_ROLE_GROUP = 'default';

/** Inputs of the metastore custom resources. @internal */
export interface MetastoreInput {
  readonly names: LakeNames;
  readonly labels: Record<string, string>;
  readonly databaseInstances: number;
  readonly databaseSizeGiB: number;
  readonly databaseResources: ResourceRequirements;
  readonly metastoreResources: ResourceRequirements;
  readonly storageClassName?: string;
  /** Keep the database (and its volumes) when the release is removed. */
  readonly retain: boolean;
}

/**
 * The CloudNativePG Cluster (TLS only, generated app credentials), the lake's SecretClass and
 * S3Connection, and the HiveCluster on top of them.
 * @internal
 */
export function metastoreResources(input: MetastoreInput): KubernetesObject[] {
  const { names, labels } = input;
  const keep = input.retain ? { annotations: { 'helm.sh/resource-policy': 'keep' } } : {};
  const m = input.metastoreResources;
  return [
    {
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'Cluster',
      metadata: { name: names.databaseCluster, labels, ...keep },
      spec: {
        instances: input.databaseInstances,
        storage: { size: `${input.databaseSizeGiB}Gi`, ...(input.storageClassName ? { storageClass: input.storageClassName } : {}) },
        resources: toK8sResources(input.databaseResources),
        enableSuperuserAccess: false,
        // The operator issues the server certificate; clients without TLS are refused.
        postgresql: { pg_hba: ['hostnossl all all all reject'] },
        bootstrap: { initdb: { database: METASTORE_DATABASE, owner: METASTORE_DATABASE_OWNER } },
      },
    },
    {
      apiVersion: 'secrets.stackable.tech/v1alpha2',
      kind: 'SecretClass',
      metadata: { name: names.secretClass, labels },
      spec: { backend: { k8sSearch: { searchNamespace: { pod: {} } } } },
    },
    {
      apiVersion: 's3.stackable.tech/v1alpha1',
      kind: 'S3Connection',
      metadata: { name: names.s3Connection, labels },
      spec: {
        host: `${names.seaweedfsRelease}-s3.${names.namespace}.svc`,
        port: SEAWEEDFS_S3_PORT,
        accessStyle: 'Path',
        region: { name: LAKE_S3_REGION },
        credentials: { secretClass: names.secretClass },
      },
    },
    {
      apiVersion: 'hive.stackable.tech/v1alpha1',
      kind: 'HiveCluster',
      metadata: { name: names.hiveCluster, labels },
      spec: {
        image: { productVersion: HIVE_VERSION },
        clusterConfig: {
          metadataDatabase: {
            postgresql: {
              host: names.databaseHost,
              port: POSTGRES_PORT,
              database: METASTORE_DATABASE,
              credentialsSecretName: names.databaseSecret,
              parameters: { sslmode: 'require' },
            },
          },
          s3: { reference: names.s3Connection },
        },
        metastore: {
          config: {
            resources: {
              cpu: { min: m.cpuRequest, ...(m.cpuLimit ? { max: m.cpuLimit } : {}) },
              memory: { limit: m.memoryLimit },
            },
          },
          roleGroups: { [METASTORE_ROLE_GROUP]: { replicas: 1 } },
        },
      },
    },
  ];
}

/** The release of the metastore resources and the policies of the database and metastore. @internal */
export function metastore(scope: Construct, input: MetastoreInput, operators: LakeOperators): CustomResources {
  const platform = KubernetesPlatform.ofKubernetes(scope);
  const release = new CustomResources(scope, 'Metastore', {
    releaseName: `${input.names.prefix}-lake-metastore`,
    dependsOn: [operators.cloudnativePg.release, ...operators.stackable.map((o) => ('release' in o ? o.release : o))],
  });
  metastoreResources(input).forEach((o) => release.add(o));

  const { names } = input;
  const db = { podLabels: names.databasePods };
  const cnpgOperator = { podLabels: CLOUDNATIVE_PG_OPERATOR_POD_LABELS };
  const hive = { podLabels: names.hivePods };
  platform.allowTraffic(scope, 'allow-lake-metastore-db', {
    podLabels: names.databasePods,
    ingress: [
      { peers: [cnpgOperator], ports: [{ port: CNPG_STATUS_PORT }, { port: POSTGRES_PORT }] },
      { peers: [db, hive], ports: [{ port: POSTGRES_PORT }] },
    ],
    egress: [{ peers: [KUBERNETES_API_PEER], ports: KUBERNETES_API_PORTS }, { peers: [db], ports: [{ port: POSTGRES_PORT }] }],
  });
  platform.allowTraffic(scope, 'allow-lake-cnpg-operator-db', {
    podLabels: cnpgOperator.podLabels,
    egress: [{ peers: [db], ports: [{ port: CNPG_STATUS_PORT }, { port: POSTGRES_PORT }] }],
  });
  platform.allowTraffic(scope, 'allow-lake-hive-metastore', {
    podLabels: names.hivePods,
    ingress: [{ peers: [{ podLabels: names.trinoPods }, { podLabels: names.sparkPods }], ports: [{ port: HIVE_METASTORE_PORT }] }],
    egress: [{ peers: [db], ports: [{ port: POSTGRES_PORT }] }],
  });
  return release;
}
