import { OpensearchDomain } from '@cdktf/provider-aws/lib/opensearch-domain';
import { Construct } from 'constructs';
import {
  OpenSearchDestinationOptions, OpenSearchSearchClusterAttributes, OpenSearchSearchClusterProps, DEFAULT_TLS_SECURITY_POLICY,
} from './opensearch-search-cluster-props';
import { DomainLogs } from './private/domain-logs';
import { ImportedOpenSearchSearchCluster } from './private/imported-search-cluster';
import { SearchOperations } from './private/search-operations';
import { SecurityConfig } from './private/security-config';
import { allowHttpsFrom, domainSecurityGroup } from './private/security-groups';
import { domainSizing, OPENSEARCH_DOMAIN_RULE } from './private/validation';
import { Fn, Token } from '../../core/cdktf';
import { invalidProp } from '../../core/errors';
import { kebab } from '../../core/naming';
import { AwsPlatform } from '../../platform/aws/aws-platform';
import { IEncryptionKey } from '../../platform/aws/encryption-key';
import { IStreamDestination } from '../../streaming/destination';
import { ISearchCluster, SearchDestinationOptions, SearchEngine, SearchLogSources } from '../search-cluster-contract';

/**
 * A SearchCluster on Amazon OpenSearch Service, with OpenSearch Dashboards.
 *
 * - Security: encrypted at rest with the platform's customer-managed key, node-to-node encryption,
 *   HTTPS only with a TLS 1.2 perfect-forward-secrecy policy (`DEFAULT_TLS_SECURITY_POLICY`);
 *   fine-grained access control with no anonymous access and no internal user database: the master
 *   user is the IAM role of a small function that Terraform invokes to map writers (Firehose
 *   delivery roles, log shippers) to a `pipeline_writer` security role limited to their indexes, so
 *   no password exists in configuration or state. The domain access policy admits only this
 *   account's IAM principals whose own policies allow them.
 * - Network: the platform's private subnets (one per availability zone), a security group with no
 *   egress and HTTPS ingress only from the clients this construct admits (`allowConnectionsFrom`).
 * - Operations: gp3 volumes, zone awareness over 2 or 3 zones, optional dedicated masters,
 *   Auto-Tune and service software updates in the off-peak window; application, index and search
 *   slow, and audit logs to KMS-encrypted log groups with retention.
 * - Data protection: protected from deletion (`prevent_destroy`) unless DESTROY is in effect.
 * - Ingest: `destination` (Firehose in the VPC, failed or all documents backed up to S3) and
 *   `ingestLogs` (CloudWatch Logs subscriptions).
 *
 * Creating a VPC domain needs the account's OpenSearch service-linked role
 * (`AWSServiceRoleForAmazonOpenSearchService`), which AWS creates the first time a domain is made
 * in the console or which `aws iam create-service-linked-role --aws-service-name opensearchservice.amazonaws.com` creates.
 */
export class OpenSearchSearchCluster extends Construct implements ISearchCluster {
  /** An existing domain in the platform's VPC: destinations and log ingestion; nothing else created. */
  public static fromAttributes(scope: Construct, id: string, attrs: OpenSearchSearchClusterAttributes): ISearchCluster {
    return new ImportedOpenSearchSearchCluster(scope, id, attrs);
  }

  public readonly engine = SearchEngine.OPENSEARCH;
  public readonly endpoint: string;
  public readonly dashboardsUrl: string;
  /** Domain name. */
  public readonly domainName: string;
  /** Domain ARN. */
  public readonly domainArn: string;
  /** Security group of the domain. */
  public readonly securityGroupId: string;
  /** The key the domain, its logs and what its destinations create are encrypted with. */
  public readonly encryptionKey: IEncryptionKey;
  /** ARN of the IAM role that is the master user (the security configuration function's role). */
  public readonly masterRoleArn: string;
  /** Data nodes. */
  public readonly instanceCount: number;
  /** Dedicated master nodes (0 when off). */
  public readonly dedicatedMasterCount: number;
  /** EBS volume per data node, GiB. */
  public readonly volumeSizeGiB: number;
  /** The domain resource. */
  public readonly domain: OpensearchDomain;
  private readonly ops: SearchOperations;

  constructor(scope: Construct, id: string, props: OpenSearchSearchClusterProps = {}) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    const network = platform.requireNetwork(this, 'the OpenSearch domain');
    const subnets = network.privateSubnetIds;
    const subnetsKnown = !Token.isUnresolved(subnets);
    const sizing = domainSizing(this, props, subnetsKnown ? subnets.length : Number.MAX_SAFE_INTEGER);
    const name = props.name ?? kebab(id);
    if (typeof name !== 'string' || name.length === 0) throw invalidProp(this, 'name', name, 'give a non-empty name');
    this.domainName = platform.physicalName(this, OPENSEARCH_DOMAIN_RULE, [name]);
    this.instanceCount = sizing.instanceCount;
    this.dedicatedMasterCount = sizing.dedicatedMasterCount;
    this.volumeSizeGiB = sizing.volumeSizeGiB;
    // Known before the domain exists: the log resource policy and the access policy refer to it.
    const arn = `arn:${platform.partition}:es:${platform.region}:${platform.accountId}:domain/${this.domainName}`;

    this.encryptionKey = platform.encryptionKey(this, `search-${name}`, props.removalPolicy);
    const keyArn = this.encryptionKey.keyArn;
    const group = domainSecurityGroup(this, name, network.vpcId);
    this.securityGroupId = group.id;
    const security = new SecurityConfig(this, 'SecurityConfig', {
      name, network, domainGroupId: group.id, keyArn, logRetentionDays: props.logRetentionDays,
    });
    this.masterRoleArn = security.masterRoleArn;
    const logs = new DomainLogs(this, 'Logs', { domainName: this.domainName, domainArn: arn, kmsKeyArn: keyArn, retentionDays: props.logRetentionDays });
    const zones = sizing.availabilityZoneCount;

    this.domain = new OpensearchDomain(this, 'Domain', {
      domainName: this.domainName,
      engineVersion: sizing.engineVersion,
      clusterConfig: {
        instanceType: sizing.instanceType,
        instanceCount: sizing.instanceCount,
        zoneAwarenessEnabled: zones > 1,
        zoneAwarenessConfig: zones > 1 ? { availabilityZoneCount: zones } : undefined,
        dedicatedMasterEnabled: sizing.dedicatedMasterCount > 0,
        dedicatedMasterType: sizing.dedicatedMasterType,
        dedicatedMasterCount: sizing.dedicatedMasterCount > 0 ? sizing.dedicatedMasterCount : undefined,
      },
      ebsOptions: { ebsEnabled: true, volumeType: 'gp3', volumeSize: sizing.volumeSizeGiB },
      encryptAtRest: { enabled: true, kmsKeyId: keyArn },
      nodeToNodeEncryption: { enabled: true },
      domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: DEFAULT_TLS_SECURITY_POLICY },
      advancedSecurityOptions: {
        enabled: true,
        anonymousAuthEnabled: false,
        internalUserDatabaseEnabled: false,
        masterUserOptions: { masterUserArn: security.masterRoleArn },
      },
      vpcOptions: {
        subnetIds: subnetsKnown ? subnets.slice(0, zones) : Fn.slice(subnets, 0, zones),
        securityGroupIds: [group.id],
      },
      accessPolicies: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{
          Effect: 'Allow',
          Principal: { AWS: `arn:${platform.partition}:iam::${platform.accountId}:root` },
          Action: 'es:ESHttp*',
          Resource: `${arn}/*`,
        }],
      }),
      logPublishingOptions: logs.publishing,
      autoTuneOptions: { desiredState: sizing.autoTune ? 'ENABLED' : 'DISABLED', rollbackOnDisable: 'NO_ROLLBACK', useOffPeakWindow: true },
      offPeakWindowOptions: { enabled: true },
      softwareUpdateOptions: { autoSoftwareUpdateEnabled: true },
      dependsOn: [logs.policy],
    });
    platform.protect(this.domain, props.removalPolicy);
    this.domainArn = this.domain.arn;
    this.endpoint = `https://${this.domain.endpoint}`;
    this.dashboardsUrl = `https://${this.domain.dashboardEndpoint}`;
    security.configure(this.domain.arn, this.domain.endpoint, [this.domain]);
    this.ops = new SearchOperations(this, {
      name,
      domainArn: this.domain.arn,
      endpoint: this.domain.endpoint,
      securityGroupId: group.id,
      network,
      key: this.encryptionKey,
      removalPolicy: props.removalPolicy,
      security,
    });
  }

  /** A StreamingIngest destination writing each record as a document of `options.index` (Firehose in the VPC). */
  public destination(options: SearchDestinationOptions): IStreamDestination {
    return this.ops.destination(options);
  }

  /** As destination, with index rotation, retries, buffering and the backup bucket. */
  public firehoseDestination(options: OpenSearchDestinationOptions): IStreamDestination {
    return this.ops.destination(options);
  }

  /**
   * Indexes CloudWatch log groups: subscription filters -> a direct-PUT Firehose delivery stream
   * (KMS) -> `sources.index` (rotated daily). Each CloudWatch Logs batch becomes one document with
   * its events (Firehose delivers one document per record and cannot split a batch).
   */
  public ingestLogs(id: string, sources: SearchLogSources): void {
    this.ops.ingestLogs(id, sources);
  }

  /** Admits a client security group to the domain on HTTPS. */
  public allowConnectionsFrom(id: string, securityGroupId: string): void {
    allowHttpsFrom(this, `From-${id}`, this.securityGroupId, securityGroupId, id);
  }
}
