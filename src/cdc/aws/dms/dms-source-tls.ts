/** How the DMS source endpoint checks the database's TLS certificate. */
export enum DmsSslMode {
  /** TLS required; the server certificate is not checked against a CA (DMS `require`). */
  REQUIRE = 'require',
  /** TLS required; the certificate must chain to the given CA and match the host name (DMS `verify-full`). */
  VERIFY_FULL = 'verify-full',
}

/** TLS of the source endpoint when none is given. */
export const DEFAULT_DMS_SSL_MODE = DmsSslMode.REQUIRE;

/**
 * TLS between DMS and the source database: always on. `DmsSourceTls.require()` (the default)
 * encrypts; `DmsSourceTls.verifyFull(caPem)` also verifies the server against a CA bundle that is
 * imported as a DMS certificate (for RDS and DocumentDB, the region's RDS CA bundle).
 */
export class DmsSourceTls {
  /** Encrypted; the server certificate is not verified. */
  public static require(): DmsSourceTls {
    return new DmsSourceTls(DmsSslMode.REQUIRE, undefined);
  }

  /** Encrypted and verified against `caCertificatePem` (PEM, one or more certificates). */
  public static verifyFull(caCertificatePem: string): DmsSourceTls {
    return new DmsSourceTls(DmsSslMode.VERIFY_FULL, caCertificatePem);
  }

  private constructor(
    /** The DMS ssl_mode. */
    public readonly sslMode: DmsSslMode,
    /** CA bundle (VERIFY_FULL). */
    public readonly caCertificatePem: string | undefined,
  ) {}
}
