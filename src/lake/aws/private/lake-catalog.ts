import { GlueDataCatalogEncryptionSettings } from '@cdktf/provider-aws/lib/glue-data-catalog-encryption-settings';
import { GlueSecurityConfiguration } from '@cdktf/provider-aws/lib/glue-security-configuration';
import { Construct } from 'constructs';
import { AwsPlatform } from '../../../platform/aws/aws-platform';
import { IEncryptionKey } from '../../../platform/aws/encryption-key';
import { RemovalPolicy } from '../../../platform/platform';

/**
 * Props of {@link LakeCatalog}.
 * @internal
 */
export interface LakeCatalogProps {
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The catalog-wide Glue settings of a lake: Data Catalog encryption at rest (SSE-KMS with the
 * platform CMK) and encrypted connection passwords, and the security configuration the crawlers
 * run with (S3 SSE-KMS, CloudWatch Logs encryption, job bookmark encryption, all with that key).
 *
 * The Data Catalog encryption settings are one per account and region: the last lake (or any
 * other tool) that sets them wins.
 * @internal
 */
export class LakeCatalog extends Construct {
  /** The key the catalog, crawler logs and bookmarks are encrypted with. */
  public readonly key: IEncryptionKey;
  public readonly encryptionSettings: GlueDataCatalogEncryptionSettings;
  public readonly securityConfiguration: GlueSecurityConfiguration;

  constructor(scope: Construct, id: string, props: LakeCatalogProps) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    this.key = platform.encryptionKey(this, 'lake-catalog', props.removalPolicy);
    const keyArn = this.key.keyArn;
    this.encryptionSettings = new GlueDataCatalogEncryptionSettings(this, 'Encryption', {
      dataCatalogEncryptionSettings: {
        encryptionAtRest: { catalogEncryptionMode: 'SSE-KMS', sseAwsKmsKeyId: keyArn },
        connectionPasswordEncryption: { returnConnectionPasswordEncrypted: true, awsKmsKeyId: keyArn },
      },
    });
    this.securityConfiguration = new GlueSecurityConfiguration(this, 'SecurityConfiguration', {
      name: `${platform.namePrefix}-lake`,
      encryptionConfiguration: {
        s3Encryption: { s3EncryptionMode: 'SSE-KMS', kmsKeyArn: keyArn },
        cloudwatchEncryption: { cloudwatchEncryptionMode: 'SSE-KMS', kmsKeyArn: keyArn },
        jobBookmarksEncryption: { jobBookmarksEncryptionMode: 'CSE-KMS', kmsKeyArn: keyArn },
      },
    });
  }
}
