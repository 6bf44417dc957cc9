/**
 * TLS of a VaultServer's listener, raft and agents. `fromSecret` is the production choice;
 * `disabled()` is an explicit, warned opt-out (plain HTTP) for development clusters.
 */
export class VaultTls {
  /**
   * Serve Vault over TLS with the certificate in a `kubernetes.io/tls` Secret of the platform
   * namespace, with the keys `tls.crt`, `tls.key` and `ca.crt` (what cert-manager writes). The
   * certificate must name `<release>`, `<release>.<namespace>.svc`, `*.<release>-internal` and
   * `127.0.0.1` (the CLI inside the pods uses `https://127.0.0.1:8200`).
   */
  public static fromSecret(secretName: string): VaultTls {
    return new VaultTls(true, secretName);
  }

  /** Plain HTTP: tokens and secrets cross the network unencrypted. Synthesis warns. */
  public static disabled(): VaultTls {
    return new VaultTls(false);
  }

  private constructor(
    /** Whether TLS is on. */
    public readonly enabled: boolean,
    /** The Secret holding the certificate (when enabled). */
    public readonly secretName?: string,
  ) {}
}
