/**
 * Test-only warehouse and secret store implementing the contracts. The BI tests use the real
 * RedshiftWarehouse / PostgresWarehouse and SecretStores for the normal paths; these cover what the
 * real ones never produce (a warehouse of the other platform's engine, credentials of an unusable
 * backend, a store that records what it was asked).
 */
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';
import { kebab } from '../../../src/core/naming';
import { IIdentity } from '../../../src/identity/identity';
import { KubernetesPlatform } from '../../../src/platform/k8s/kubernetes-platform';
import { ICredential, ISecretStore, CredentialOptions, SecretStoreBackend } from '../../../src/secrets/secret-store-contract';
import { IStreamDestination } from '../../../src/streaming/destination';
import {
  IWarehouse, WarehouseClientPeer, WarehouseDestinationOptions, WarehouseEngine, WarehouseLakeLoadOptions,
} from '../../../src/warehouse/warehouse-contract';

export const FIXTURE_ACCOUNT = '123456789012';
export const FIXTURE_REGION = 'eu-west-1';
export const FIXTURE_KEY_ARN = `arn:aws:kms:${FIXTURE_REGION}:${FIXTURE_ACCOUNT}:key/1111aaaa-22bb-33cc-44dd-555555eeeeee`;

/** A credential of one backend, with the attributes that backend has. */
export class FixtureCredential extends Construct implements ICredential {
  public readonly credentialName: string;
  public readonly secretArn?: string;
  public readonly kmsKeyArn?: string;
  public readonly kubernetesSecretName?: string;

  constructor(scope: Construct, id: string, public readonly username: string, public readonly backend: SecretStoreBackend, name: string) {
    super(scope, id);
    this.credentialName = name;
    if (backend === SecretStoreBackend.SECRETS_MANAGER) {
      this.secretArn = `arn:aws:secretsmanager:${FIXTURE_REGION}:${FIXTURE_ACCOUNT}:secret:${name}-AbCdEf`;
      this.kmsKeyArn = FIXTURE_KEY_ARN;
    } else {
      this.kubernetesSecretName = name;
    }
  }
}

/** A store generating fixture credentials. */
export class FixtureSecretStore extends Construct implements ISecretStore {
  public readonly generated: CredentialOptions[] = [];

  constructor(scope: Construct, id: string, public readonly backend: SecretStoreBackend) {
    super(scope, id);
  }

  public generateCredential(id: string, options: CredentialOptions): ICredential {
    this.generated.push(options);
    return new FixtureCredential(this, id, options.username, this.backend, `acme-${options.name}`);
  }

  public grantRead(_identity: IIdentity, _credential: ICredential): void {
    throw new Error('FixtureSecretStore.grantRead is not used by the BI front ends');
  }
}

export interface FixtureWarehouseProps {
  readonly engine: WarehouseEngine;
  readonly endpoint: string;
  readonly port: number;
  readonly databaseName?: string;
  /** Backend of the credentials it hands out. */
  readonly backend: SecretStoreBackend;
}

/** Security group of every fixture Redshift warehouse. */
export const FIXTURE_WAREHOUSE_SECURITY_GROUP = 'sg-0123456789abcdef0';

/** Pod labels of a fixture PostgreSQL warehouse. */
export function fixtureWarehousePods(id: string): Record<string, string> {
  return { 'cnpg.io/cluster': `acme-${kebab(id)}` };
}

/**
 * A warehouse that records read-only users and network openings, and opens its port like the real
 * ones: an ingress rule on its security group (AWS) or a NetworkPolicy on its pods (Kubernetes).
 */
export class FixtureWarehouse extends Construct implements IWarehouse {
  public readonly engine: WarehouseEngine;
  public readonly endpoint: string;
  public readonly port: number;
  public readonly databaseName: string;
  public readonly adminCredential: ICredential;
  public readonly readOnlyUsers: Array<{ id: string; username: string; credential: ICredential }> = [];
  public readonly connections: Array<{ id: string; peer: WarehouseClientPeer }> = [];
  private readonly backend: SecretStoreBackend;

  constructor(scope: Construct, id: string, props: FixtureWarehouseProps) {
    super(scope, id);
    this.engine = props.engine;
    this.endpoint = props.endpoint;
    this.port = props.port;
    this.databaseName = props.databaseName ?? 'analytics';
    this.backend = props.backend;
    this.adminCredential = new FixtureCredential(this, 'Admin', 'admin', props.backend, `acme-${id.toLowerCase()}-admin`);
  }

  public addReadOnlyUser(id: string, username: string): ICredential {
    const credential = new FixtureCredential(this, `ReadOnly-${id}`, username, this.backend, `acme-${this.node.id.toLowerCase()}-${username.replace(/_/g, '-')}`);
    this.readOnlyUsers.push({ id, username, credential });
    return credential;
  }

  public allowConnectionsFrom(id: string, peer: WarehouseClientPeer): void {
    this.connections.push({ id, peer });
    if (peer.securityGroupId) {
      new VpcSecurityGroupIngressRule(this, `From-${id}`, {
        securityGroupId: FIXTURE_WAREHOUSE_SECURITY_GROUP,
        referencedSecurityGroupId: peer.securityGroupId,
        ipProtocol: 'tcp',
        fromPort: this.port,
        toPort: this.port,
      });
    }
    if (peer.podLabels) {
      KubernetesPlatform.ofKubernetes(this).allowTraffic(this, `allow-${kebab(id)}-to-${kebab(this.node.id)}`, {
        podLabels: fixtureWarehousePods(this.node.id),
        ingress: [{ peers: [{ podLabels: peer.podLabels }], ports: [{ port: this.port }] }],
      });
    }
  }

  public grantRead(_identity: IIdentity): void {
    throw new Error('not used');
  }

  public grantWrite(_identity: IIdentity): void {
    throw new Error('not used');
  }

  public destination(_options: WarehouseDestinationOptions): IStreamDestination {
    throw new Error('not used');
  }

  public loadFromLake(_id: string, _options: WarehouseLakeLoadOptions): void {
    throw new Error('not used');
  }
}

/** A Redshift Serverless warehouse (Secrets Manager credentials). */
export function redshiftFixture(scope: Construct, id = 'Sales', port = 5439): FixtureWarehouse {
  return new FixtureWarehouse(scope, id, {
    engine: WarehouseEngine.REDSHIFT_SERVERLESS,
    endpoint: `acme-${id.toLowerCase()}.${FIXTURE_ACCOUNT}.${FIXTURE_REGION}.redshift-serverless.amazonaws.com`,
    port,
    backend: SecretStoreBackend.SECRETS_MANAGER,
  });
}

/** A PostgreSQL warehouse on Kubernetes (Kubernetes Secret credentials). */
export function postgresFixture(scope: Construct, id = 'Sales', endpoint = `acme-${id.toLowerCase()}-rw.acme.svc`): FixtureWarehouse {
  return new FixtureWarehouse(scope, id, {
    engine: WarehouseEngine.POSTGRESQL,
    endpoint,
    port: 5432,
    backend: SecretStoreBackend.KUBERNETES,
  });
}
