import { KEEP_ANNOTATION } from './source-names';
import { KubernetesObject } from '../../../../platform/k8s/custom-resources';
import { RESTRICTED_CONTAINER_SECURITY_CONTEXT } from '../../../../platform/k8s/pod-security';
import { ResourceRequirements, toK8sResources } from '../../../../platform/k8s/resources';
import { MONGODB_RUN_AS_USER } from '../../../../platform/k8s/source-versions';

/** Port of mongod. */
export const MONGO_PORT = 27017;
/** CPU and memory of the operator's init containers (they copy the readiness probe and upgrade hook binaries). */
export const MONGO_INIT_CONTAINER_RESOURCES: ResourceRequirements = { cpuRequest: '50m', memoryRequest: '64Mi', memoryLimit: '128Mi' };
/** Names of the containers the operator puts in each member pod. */
export const MONGO_CONTAINERS = { mongod: 'mongod', agent: 'mongodb-agent' };
/** Names of the operator's init containers. */
export const MONGO_INIT_CONTAINERS = ['mongod-posthook', 'mongodb-agent-readinessprobe'];
/** Names of the volume claim templates the operator creates (data and logs volumes). */
export const MONGO_VOLUMES = { data: 'data-volume', logs: 'logs-volume' };

/** One user of the replica set. @internal */
export interface MongoUserInput {
  readonly name: string;
  /** Secret holding the password under the key `password`. */
  readonly passwordSecret: string;
  readonly roles: Array<{ name: string; db: string }>;
  /** Secret the operator writes the user's connection strings into. */
  readonly connectionStringSecret: string;
}

/** Inputs of the MongoDBCommunity resource. @internal */
export interface ReplicaSetInput {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly members: number;
  readonly version: string;
  readonly tls?: { caConfigMapName: string; certificateKeySecretName: string };
  readonly users: MongoUserInput[];
  readonly oplogMinRetentionHours: number;
  readonly storageSizeGiB: number;
  readonly logsStorageSizeGiB: number;
  readonly storageClassName?: string;
  readonly resources: ResourceRequirements;
  readonly agentResources: ResourceRequirements;
  readonly retain: boolean;
}

/** The pod security context of the members (the operator's default, made explicit: restricted). @internal */
export const MONGO_POD_SECURITY_CONTEXT = {
  runAsNonRoot: true,
  runAsUser: MONGODB_RUN_AS_USER,
  fsGroup: MONGODB_RUN_AS_USER,
  seccompProfile: { type: 'RuntimeDefault' },
};

function volumeClaim(name: string, sizeGiB: number, storageClassName?: string): Record<string, any> {
  return {
    metadata: { name },
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: `${sizeGiB}Gi` } },
      ...(storageClassName ? { storageClassName } : {}),
    },
  };
}

/** The `users` entries: SCRAM users authenticating against `admin`, passwords from Secrets. @internal */
export function mongoUsers(users: MongoUserInput[], resourceName: string): Record<string, any>[] {
  return users.map((u) => ({
    name: u.name,
    db: 'admin',
    passwordSecretRef: { name: u.passwordSecret, key: 'password' },
    roles: u.roles,
    scramCredentialsSecretName: `${resourceName}-${u.name.replace(/_/g, '-')}`,
    connectionStringSecretName: u.connectionStringSecret,
  }));
}

/**
 * The MongoDBCommunity replica set: SCRAM authentication, TLS required (unless disabled), pinned
 * version and feature compatibility, the oplog retention CDC relies on, and StatefulSet overrides
 * for volumes, resources and restricted security contexts (merged by container name).
 * @internal
 */
export function replicaSetResource(input: ReplicaSetInput): KubernetesObject {
  const [major, minor] = input.version.split('.');
  const container = (name: string, resources: ResourceRequirements) => ({
    name, resources: toK8sResources(resources), securityContext: RESTRICTED_CONTAINER_SECURITY_CONTEXT,
  });
  return {
    apiVersion: 'mongodbcommunity.mongodb.com/v1',
    kind: 'MongoDBCommunity',
    metadata: { name: input.name, labels: input.labels, ...(input.retain ? { annotations: KEEP_ANNOTATION } : {}) },
    spec: {
      type: 'ReplicaSet',
      members: input.members,
      version: input.version,
      featureCompatibilityVersion: `${major}.${minor}`,
      security: {
        authentication: { modes: ['SCRAM'] },
        tls: input.tls
          ? {
            enabled: true,
            optional: false,
            caConfigMapRef: { name: input.tls.caConfigMapName },
            certificateKeySecretRef: { name: input.tls.certificateKeySecretName },
          }
          : { enabled: false },
      },
      users: mongoUsers(input.users, input.name),
      additionalMongodConfig: { storage: { oplogMinRetentionHours: input.oplogMinRetentionHours } },
      statefulSet: {
        metadata: { labels: input.labels },
        spec: {
          volumeClaimTemplates: [
            volumeClaim(MONGO_VOLUMES.data, input.storageSizeGiB, input.storageClassName),
            volumeClaim(MONGO_VOLUMES.logs, input.logsStorageSizeGiB, input.storageClassName),
          ],
          template: {
            metadata: { labels: input.labels },
            spec: {
              securityContext: MONGO_POD_SECURITY_CONTEXT,
              containers: [container(MONGO_CONTAINERS.mongod, input.resources), container(MONGO_CONTAINERS.agent, input.agentResources)],
              initContainers: MONGO_INIT_CONTAINERS.map((name) => container(name, MONGO_INIT_CONTAINER_RESOURCES)),
            },
          },
        },
      },
    },
  };
}
