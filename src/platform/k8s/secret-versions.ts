import { ChartPin } from './versions';

/**
 * Pinned Helm charts of the secret stores. The one place to bump them; see
 * `kubernetes-components.md` in the shared references for where each version comes from.
 */

/** HashiCorp's official Vault chart (Vault 2.0.4, which is BUSL 1.1; OpenBao is the MPL alternative). */
export const VAULT_CHART: ChartPin = { repository: 'https://helm.releases.hashicorp.com', chart: 'vault', version: '0.34.1' };
/** Vault version the pinned chart runs (its appVersion). */
export const VAULT_VERSION = '2.0.4';
