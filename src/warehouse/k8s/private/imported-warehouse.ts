import { Construct } from 'constructs';
import { allowWarehouseClients } from './network';
import { checkClientPeer } from './warehouse-errors';
import { POSTGRES_PORT, WarehouseNames } from './warehouse-names';
import { invalidConfig, PipelineValidationError } from '../../../core/errors';
import { kebab } from '../../../core/naming';
import { IIdentity } from '../../../identity/identity';
import { KubernetesPlatform } from '../../../platform/k8s/kubernetes-platform';
import { kubernetesBasicAuthCredential } from '../../../secrets/private/kubernetes-basic-auth';
import { ICredential } from '../../../secrets/secret-store-contract';
import { IStreamDestination } from '../../../streaming/destination';
import {
  IWarehouse, WarehouseClientPeer, WarehouseDestinationOptions, WarehouseEngine, WarehouseLakeLoadOptions,
} from '../../warehouse-contract';
import { PostgresWarehouseAttributes } from '../postgres-warehouse-attributes';

/** A PostgreSQL warehouse the stack does not manage. @internal */
export class ImportedPostgresWarehouse extends Construct implements IWarehouse {
  public readonly engine = WarehouseEngine.POSTGRESQL;
  public readonly endpoint: string;
  public readonly port: number;
  public readonly databaseName: string;
  public readonly adminCredential: ICredential;

  constructor(scope: Construct, id: string, private readonly attrs: PostgresWarehouseAttributes) {
    super(scope, id);
    this.endpoint = attrs.host;
    this.port = attrs.port ?? POSTGRES_PORT;
    this.databaseName = attrs.databaseName;
    this.adminCredential = kubernetesBasicAuthCredential(this, 'AdminCredential', attrs.adminCredentialSecretName, attrs.adminUsername);
  }

  public grantRead(identity: IIdentity): void {
    throw this.unavailable(`grantRead to "${identity.identityName}"`);
  }

  public grantWrite(identity: IIdentity): void {
    throw this.unavailable(`grantWrite to "${identity.identityName}"`);
  }

  public addReadOnlyUser(_id: string, username: string): ICredential {
    throw this.unavailable(`addReadOnlyUser "${username}"`);
  }

  public allowConnectionsFrom(id: string, peer: WarehouseClientPeer): void {
    const podLabels = checkClientPeer(this, peer);
    if (!this.attrs.clusterName) {
      throw invalidConfig(this, 'allowConnectionsFrom on an imported PostgresWarehouse needs its clusterName (the CloudNativePG Cluster in the platform namespace) to select its instances; set clusterName in the attributes.');
    }
    allowWarehouseClients(this, new WarehouseNames(KubernetesPlatform.ofKubernetes(this), this.attrs.clusterName), kebab(id), podLabels, false);
  }

  public destination(options: WarehouseDestinationOptions): IStreamDestination {
    throw this.unavailable(`destination "${options.table}"`);
  }

  public loadFromLake(_id: string, options: WarehouseLakeLoadOptions): void {
    throw this.unavailable(`loadFromLake into "${options.table}"`);
  }

  private unavailable(what: string): PipelineValidationError {
    return invalidConfig(this, `${what} is not available on an imported PostgresWarehouse: roles and loaders are declared in the CloudNativePG Cluster of the stack that created it; call it there.`);
  }
}
