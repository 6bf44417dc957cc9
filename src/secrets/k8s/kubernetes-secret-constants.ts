/** Type of every Secret a Kubernetes or Vault store writes (keys `username` and `password`). */
export const BASIC_AUTH_SECRET_TYPE = 'kubernetes.io/basic-auth';
/** Label that makes CloudNativePG reload a managed role's password when its Secret changes. */
export const CNPG_RELOAD_LABEL = 'cnpg.io/reload';
/** `app.kubernetes.io/component` of the credential Secrets and their reader Roles. */
export const CREDENTIAL_COMPONENT = 'credential';
