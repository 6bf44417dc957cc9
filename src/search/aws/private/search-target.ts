import { SecurityConfig } from './security-config';
import { IEncryptionKey } from '../../../platform/aws/encryption-key';
import { IAwsNetwork } from '../../../platform/aws/network';
import { RemovalPolicy } from '../../../platform/platform';

/**
 * What destinations and log ingestion need of a domain, created or imported.
 * @internal
 */
export interface SearchTarget {
  /** Short name used in physical names. */
  readonly name: string;
  readonly domainArn: string;
  /** Host name of the VPC endpoint. */
  readonly endpoint: string;
  readonly securityGroupId: string;
  readonly network: IAwsNetwork;
  /** Key of what the destinations create (delivery streams, backup buckets, functions, logs). */
  readonly key: IEncryptionKey;
  readonly removalPolicy?: RemovalPolicy;
  /** Maps writers' IAM roles in the security plugin; none for an imported domain. */
  readonly security?: SecurityConfig;
}
