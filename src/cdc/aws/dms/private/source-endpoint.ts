import { DmsCertificate } from '@cdktf/provider-aws/lib/dms-certificate';
import { DmsEndpoint, DmsEndpointConfig } from '@cdktf/provider-aws/lib/dms-endpoint';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import { dmsServiceRole, secretAccessDocument } from './service-role';
import { AwsPlatform } from '../../../../platform/aws/aws-platform';
import { ISourceDatabase, SourceEngine } from '../../../cdc-contract';
import { DmsSourceTls, DmsSslMode } from '../dms-source-tls';

/** The DMS source engine name per SourceEngine. */
export const DMS_SOURCE_ENGINE_NAMES: Record<SourceEngine, string> = {
  [SourceEngine.MYSQL]: 'mysql',
  [SourceEngine.POSTGRESQL]: 'postgres',
  // DocumentDB too: it speaks the MongoDB protocol, and the AWS provider passes Secrets Manager
  // settings to DMS for engine "mongodb" only (not "docdb").
  [SourceEngine.MONGODB]: 'mongodb',
};

/**
 * PostgreSQL: the logical decoding plugin DMS creates its slot with. DMS supports `test_decoding`
 * (built into PostgreSQL, so no extension to install) and `pglogical`, not `pgoutput`.
 */
export const DMS_POSTGRES_PLUGIN = 'test-decoding';
/** MongoDB: the database users authenticate against. */
export const DMS_MONGODB_AUTH_SOURCE = 'admin';
/** MongoDB: document mode (each document as one JSON `_doc` column), the mode for change streams to streams and files. */
export const DMS_MONGODB_NESTING_LEVEL = 'none';

/** Props of {@link SourceEndpoint}. @internal */
export interface SourceEndpointProps {
  readonly source: ISourceDatabase;
  /** `<namePrefix>-<capture>`. */
  readonly name: string;
  readonly capture: string;
  readonly tls: DmsSourceTls;
  readonly kmsKeyArn: string;
}

/**
 * The source endpoint: credentials only through Secrets Manager (the secret ARN and a role DMS
 * assumes to read it, allowed GetSecretValue on that secret and kms:Decrypt on its key through
 * Secrets Manager), TLS required, and the engine's CDC settings.
 *
 * DMS takes either clear-text user, password, server and port, or a secret, never both: with a
 * secret, it reads `host` and `port` from the secret's JSON too, so the endpoint sets neither.
 * @internal
 */
export class SourceEndpoint extends Construct {
  public readonly endpoint: DmsEndpoint;
  public readonly policy: IamRolePolicy;

  constructor(scope: Construct, id: string, props: SourceEndpointProps) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    const { source } = props;
    const credential = source.cdcCredential;
    const role = dmsServiceRole(this, 'SecretsRole', props.capture, 'secrets');
    this.policy = new IamRolePolicy(this, 'SecretsPolicy', {
      role: role.name,
      name: 'read-source-credential',
      policy: JSON.stringify(secretAccessDocument(credential, platform.region)),
    });
    const certificate = props.tls.sslMode === DmsSslMode.VERIFY_FULL
      ? new DmsCertificate(this, 'SourceCa', { certificateId: `${props.name}-source-ca`, certificatePem: props.tls.caCertificatePem })
      : undefined;
    const config: DmsEndpointConfig = {
      endpointId: `${props.name}-source`,
      endpointType: 'source',
      engineName: DMS_SOURCE_ENGINE_NAMES[source.engine],
      secretsManagerArn: credential.secretArn,
      secretsManagerAccessRoleArn: role.arn,
      sslMode: props.tls.sslMode,
      certificateArn: certificate?.certificateArn,
      kmsKeyArn: props.kmsKeyArn,
      dependsOn: [this.policy],
      ...engineSettings(source),
    };
    this.endpoint = new DmsEndpoint(this, 'Endpoint', config);
  }
}

function engineSettings(source: ISourceDatabase): Partial<DmsEndpointConfig> {
  switch (source.engine) {
    case SourceEngine.POSTGRESQL:
      // DMS creates and drops its own slot (slot_name would need one created beforehand); no DDL
      // capture, which installs event triggers that need more than replication privileges.
      return { databaseName: source.databaseName, postgresSettings: { pluginName: DMS_POSTGRES_PLUGIN, captureDdls: false } };
    case SourceEngine.MONGODB:
      return {
        databaseName: source.databaseName,
        mongodbSettings: { authType: 'password', authSource: DMS_MONGODB_AUTH_SOURCE, nestingLevel: DMS_MONGODB_NESTING_LEVEL, extractDocId: 'true' },
      };
    case SourceEngine.MYSQL:
    default:
      return {};
  }
}
