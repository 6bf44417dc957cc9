import { IConstruct } from 'constructs';
import { IIdentity } from '../identity/identity';

/** Where a SecretStore keeps credentials. */
export enum SecretStoreBackend {
  /** AWS Secrets Manager (customer-managed KMS key). */
  SECRETS_MANAGER = 'secrets-manager',
  /** HashiCorp Vault KV v2, with Kubernetes auth roles per workload (mirrored into a Kubernetes Secret). */
  VAULT = 'vault',
  /** A Kubernetes Secret in the platform namespace, readable through a Role per workload. */
  KUBERNETES = 'kubernetes',
}

/** Length of generated passwords. */
export const DEFAULT_PASSWORD_LENGTH = 32;
/** Shortest generated password. */
export const MIN_PASSWORD_LENGTH = 16;
/** Longest generated password (the Kubernetes and Vault stores draw 64 hexadecimal characters per rotation). */
export const MAX_PASSWORD_LENGTH = 64;
/** Revision of a generated password; bump it to make the store generate and write a new one. */
export const DEFAULT_CREDENTIAL_REVISION = 1;

/**
 * Where a credential is used, stored next to it: services such as AWS DMS read the database
 * endpoint from the secret itself (keys `host`, `port`, `engine`, `dbname`).
 */
export interface CredentialConnection {
  /** Host name of the database (a token such as an RDS endpoint address is fine). */
  readonly host: string;
  /** Port of the database. */
  readonly port: number;
  /**
   * Engine, stored as `engine` (for example `mysql`, `postgres`).
   * @default - not stored
   */
  readonly engine?: string;
  /**
   * Database name, stored as `dbname`.
   * @default - not stored
   */
  readonly databaseName?: string;
}

/** A credential the store generates. The password is never written to Terraform state. */
export interface CredentialOptions {
  /** Name of the credential, appended to the platform's namePrefix (lowercase letters, digits, hyphens). */
  readonly name: string;
  /** User name stored next to the password. */
  readonly username: string;
  /**
   * Length of the generated password (16 to 64).
   * @default DEFAULT_PASSWORD_LENGTH (32)
   */
  readonly passwordLength?: number;
  /**
   * Revision of the password. The password is sent through write-only attributes, which Terraform
   * re-sends only when this number changes: bump it to rotate.
   * @default DEFAULT_CREDENTIAL_REVISION (1)
   */
  readonly revision?: number;
  /**
   * Description stored with the secret.
   * @default - none
   */
  readonly description?: string;
  /**
   * The database the credential is for, stored in the same secret (`host`, `port`, `engine`,
   * `dbname`), for services that read the endpoint from the secret (AWS DMS).
   * @default - only `username` and `password` are stored
   */
  readonly connection?: CredentialConnection;
}

/**
 * A username/password pair held by a SecretStore. The secret's value is a JSON object (AWS, Vault) or
 * a Secret (Kubernetes) with the keys `username` and `password`.
 */
export interface ICredential extends IConstruct {
  /** Name of the credential (the secret's name). */
  readonly credentialName: string;
  /** User name. */
  readonly username: string;
  /** Where the credential lives. */
  readonly backend: SecretStoreBackend;
  /** AWS: ARN of the Secrets Manager secret; undefined elsewhere. */
  readonly secretArn?: string;
  /** AWS: ARN of the KMS key that encrypts the secret; undefined for the AWS-managed key or elsewhere. */
  readonly kmsKeyArn?: string;
  /** Vault: mount path of the KV v2 engine; undefined elsewhere. */
  readonly vaultMount?: string;
  /** Vault: path of the secret inside the mount; undefined elsewhere. */
  readonly vaultPath?: string;
  /** Kubernetes (and Vault, which mirrors it): name of the Secret in the platform namespace. */
  readonly kubernetesSecretName?: string;
}

/** Attributes of an existing credential (for example one a service generated and manages). */
export interface CredentialAttributes {
  /** Name of the credential. */
  readonly credentialName: string;
  /** User name. */
  readonly username: string;
  /** Where it lives. */
  readonly backend: SecretStoreBackend;
  /**
   * AWS: ARN of the Secrets Manager secret.
   * @default - none (required for SECRETS_MANAGER)
   */
  readonly secretArn?: string;
  /**
   * AWS: ARN of the KMS key that encrypts the secret.
   * @default - the AWS-managed key
   */
  readonly kmsKeyArn?: string;
  /**
   * Vault: mount path of the KV v2 engine.
   * @default - none (required for VAULT)
   */
  readonly vaultMount?: string;
  /**
   * Vault: path of the secret inside the mount.
   * @default - none (required for VAULT)
   */
  readonly vaultPath?: string;
  /**
   * Kubernetes: name of the Secret in the platform namespace.
   * @default - none (required for KUBERNETES)
   */
  readonly kubernetesSecretName?: string;
}

/**
 * Generated credentials and who may read them: AWS Secrets Manager on AWS, HashiCorp Vault (or a
 * Kubernetes Secret) on Kubernetes. Used by Warehouse (BI and loader users) and CdcSource (source
 * database users).
 */
export interface ISecretStore extends IConstruct {
  /** The backend. */
  readonly backend: SecretStoreBackend;
  /** Generates a credential (the password never enters Terraform state). */
  generateCredential(id: string, options: CredentialOptions): ICredential;
  /** Lets `identity` read `credential` (IAM + KMS on AWS; a Vault policy + Kubernetes auth role, or a Role on the Secret). */
  grantRead(identity: IIdentity, credential: ICredential): void;
}
