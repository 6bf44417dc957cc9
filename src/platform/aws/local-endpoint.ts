/**
 * Every AWS service endpoint the library's constructs may call, pointed at one emulator URL in
 * local-endpoint mode. Keys are the provider's `endpoints` block arguments.
 */
export const LOCAL_ENDPOINT_SERVICES = [
  'amp', 'athena', 'cloudtrail', 'cloudwatch', 'cloudwatchlogs', 'dms', 'docdb', 'ec2', 'es', 'events',
  'firehose', 'glue', 'iam', 'kafka', 'kinesis', 'kms', 'lakeformation', 'lambda', 'opensearch',
  'quicksight', 'rds', 'redshift', 'redshiftdata', 'redshiftserverless', 's3', 'secretsmanager', 'sns',
  'sqs', 'sts',
] as const;

/** Access key id the provider sends to a local emulator (emulators accept any). */
export const LOCAL_ENDPOINT_ACCESS_KEY = 'testing';
/** Secret key the provider sends to a local emulator. */
export const LOCAL_ENDPOINT_SECRET_KEY = 'testing';

/** Points every AWS service endpoint of a stack at one local emulator (for example moto). */
export interface LocalEndpointOptions {
  /** URL of the emulator, for example `http://127.0.0.1:5000`. */
  readonly url: string;
}

/** @internal */
export function localEndpointProviderConfig(url: string): Record<string, unknown> {
  const endpoints: Record<string, string> = {};
  for (const service of LOCAL_ENDPOINT_SERVICES) endpoints[service] = url;
  return {
    accessKey: LOCAL_ENDPOINT_ACCESS_KEY,
    secretKey: LOCAL_ENDPOINT_SECRET_KEY,
    endpoints: [endpoints],
    skipCredentialsValidation: true,
    skipMetadataApiCheck: 'true',
    skipRegionValidation: true,
    s3UsePathStyle: true,
    // skip_requesting_account_id stays unset: the emulator's STS answers an account id and the
    // provider needs it to build some ARNs.
  };
}
