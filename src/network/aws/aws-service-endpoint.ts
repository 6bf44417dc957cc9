import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { IConstruct } from 'constructs';
import { invalidProp } from '../../core/errors';

/**
 * AWS services the library's constructs reach from a private network through VPC interface
 * endpoints (AWS PrivateLink). Each value is the service's short name in its endpoint service name
 * `com.amazonaws.<region>.<value>`. S3 is not here: every PrivateNetwork reaches it through a
 * gateway endpoint.
 */
export enum AwsServiceEndpoint {
  /** AWS Secrets Manager (`com.amazonaws.<region>.secretsmanager`). */
  SECRETS_MANAGER = 'secretsmanager',
  /** AWS KMS (`com.amazonaws.<region>.kms`). */
  KMS = 'kms',
  /** Amazon CloudWatch Logs (`com.amazonaws.<region>.logs`). */
  LOGS = 'logs',
  /** Amazon Kinesis Data Streams (`com.amazonaws.<region>.kinesis-streams`). */
  KINESIS_STREAMS = 'kinesis-streams',
  /** AWS STS, regional endpoint (`com.amazonaws.<region>.sts`). */
  STS = 'sts',
  /** Amazon Redshift Data API (`com.amazonaws.<region>.redshift-data`). */
  REDSHIFT_DATA = 'redshift-data',
}

/** The only port interface endpoints accept traffic on (HTTPS). */
export const INTERFACE_ENDPOINT_PORT = 443;

/** Interface endpoints a PrivateNetwork creates up front: none (constructs add what they need). */
export const DEFAULT_INTERFACE_ENDPOINTS: AwsServiceEndpoint[] = [];

/**
 * A network that creates AWS service interface endpoints on request, once per service
 * (PrivateNetwork). Networks without it (AwsNetwork.fromAttributes) must provide them themselves.
 */
export interface IInterfaceEndpointHost {
  /**
   * Adds an interface endpoint for each service that has none yet and returns the endpoints of
   * `services` (new or existing), in the order given.
   */
  addInterfaceEndpoints(services: AwsServiceEndpoint[]): VpcEndpoint[];
}

/**
 * The endpoint service name of `service` in `region`: `com.amazonaws.<region>.<service>`.
 * @internal
 */
export function interfaceEndpointServiceName(region: string, service: AwsServiceEndpoint): string {
  return `com.amazonaws.${region}.${service}`;
}

/**
 * `services` checked against AwsServiceEndpoint, without duplicates, in the order given.
 * @param prop the prop named in errors, for example `interfaceEndpoints`
 * @internal
 */
export function checkServiceEndpoints(scope: IConstruct, prop: string, services: readonly AwsServiceEndpoint[]): AwsServiceEndpoint[] {
  const known: string[] = Object.values(AwsServiceEndpoint);
  if (!Array.isArray(services)) {
    throw invalidProp(scope, prop, services, 'use a list of AwsServiceEndpoint values');
  }
  services.forEach((service, i) => {
    if (!known.includes(service)) {
      throw invalidProp(scope, `${prop}[${i}]`, service,
        `use one of ${known.join(', ')} (AwsServiceEndpoint); S3 needs none: every PrivateNetwork has an S3 gateway endpoint`);
    }
  });
  return [...new Set(services)];
}

/**
 * True when `network` creates interface endpoints itself.
 * @internal
 */
export function isInterfaceEndpointHost(network: unknown): network is IInterfaceEndpointHost {
  return typeof (network as Partial<IInterfaceEndpointHost> | undefined)?.addInterfaceEndpoints === 'function';
}
