/** Where the certificates of a MongoDB replica set come from (cert-manager or your own). */
export interface MongoTlsSecretsOptions {
  /** ConfigMap holding the CA certificate under the key `ca.crt` (cert-manager's trust-manager or your own). */
  readonly caConfigMapName: string;
  /**
   * `kubernetes.io/tls` Secret with the server certificate and key (`tls.crt`, `tls.key`), for
   * example a cert-manager Certificate's Secret. The certificate must cover
   * `*.<name>-svc.<namespace>.svc.cluster.local` (every member) and, for clients that seed from the
   * Service, `<name>-svc.<namespace>.svc.cluster.local`.
   */
  readonly certificateKeySecretName: string;
}

/**
 * TLS of a MongoDB replica set: `MongoTls.fromSecrets({...})` (required TLS for clients and members)
 * or, explicitly and with a warning, `MongoTls.disabled()`.
 */
export class MongoTls {
  /** TLS required for every connection, with the CA and server certificate you provide. */
  public static fromSecrets(options: MongoTlsSecretsOptions): MongoTls {
    return new MongoTls(true, options.caConfigMapName, options.certificateKeySecretName);
  }

  /** No TLS: clients, CDC included, and members talk in plain text. For development only. */
  public static disabled(): MongoTls {
    return new MongoTls(false, undefined, undefined);
  }

  private constructor(
    /** Whether TLS is on. */
    public readonly enabled: boolean,
    /** The CA ConfigMap (TLS on). */
    public readonly caConfigMapName: string | undefined,
    /** The server certificate Secret (TLS on). */
    public readonly certificateKeySecretName: string | undefined,
  ) {}
}
