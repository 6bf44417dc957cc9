import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { KubernetesPlatform, VaultServer, VaultTls } from '../src';

/** Namespace the DataEngineerFlow360 workloads run in (their pods may call Vault). */
export const DEF360_NAMESPACE = 'data-platform';
/** Namespace of DataEngineerFlow360's Vault. */
export const DEF360_VAULT_NAMESPACE = 'vault';
/** Secret (tls.crt, tls.key, ca.crt) with Vault's server certificate, created before the first apply. */
export const DEF360_VAULT_TLS_SECRET = 'vault-server-tls';

/**
 * Reference architecture 4, part 1 of 2: HashiCorp Vault (HA, integrated raft storage, TLS, audit
 * storage) in its own namespace. Its own stack because the vault provider of the main stack needs a
 * running, initialised and unsealed Vault at plan time: apply this, initialise and unseal Vault,
 * then apply `data-engineer-flow-360` with `VAULT_ADDR`/`VAULT_TOKEN` set.
 */
export class DataEngineerFlow360VaultStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new KubernetesPlatform(this, 'Platform', { namePrefix: 'def360', namespace: DEF360_VAULT_NAMESPACE });
    new VaultServer(this, 'Vault', {
      tls: VaultTls.fromSecret(DEF360_VAULT_TLS_SECRET),
      // Vault Agent sidecars of the workloads' namespace.
      additionalClients: [{ namespaceLabels: { 'kubernetes.io/metadata.name': DEF360_NAMESPACE } }],
    });
  }
}
