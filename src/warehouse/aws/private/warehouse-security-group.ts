import { DataAwsPrefixList } from '@cdktf/provider-aws/lib/data-aws-prefix-list';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';
import { AwsNameRules } from '../../../core/naming';
import { AwsPlatform } from '../../../platform/aws/aws-platform';
import { IAwsNetwork } from '../../../platform/aws/network';

/** HTTPS, the only port the warehouse opens outbound. @internal */
export const HTTPS_PORT = 443;

/**
 * Props of {@link WarehouseSecurityGroup}.
 * @internal
 */
export interface WarehouseSecurityGroupProps {
  readonly name: string;
  readonly network: IAwsNetwork;
  readonly port: number;
  /** The region's Firehose CIDR block, when the warehouse is open to Firehose. */
  readonly firehoseCidr?: string;
}

/**
 * The warehouse's security group. Inbound: nothing, except the clients `allowConnectionsFrom` adds and, with
 * the Firehose opt-in, the region's Firehose CIDR block on the warehouse port. Outbound (the
 * provider removes AWS's allow-all rule): HTTPS to S3 through the VPC's gateway endpoint (COPY with
 * enhanced VPC routing) and HTTPS inside the VPC (interface endpoints such as Kinesis or STS).
 * @internal
 */
export class WarehouseSecurityGroup extends Construct {
  public readonly group: SecurityGroup;

  constructor(scope: Construct, id: string, props: WarehouseSecurityGroupProps) {
    super(scope, id);
    const platform = AwsPlatform.ofAws(this);
    this.group = new SecurityGroup(this, 'Group', {
      name: platform.physicalName(this, AwsNameRules.SECURITY_GROUP, [props.name, 'redshift']),
      description: `Redshift ${props.name}: port ${props.port} from allowed clients only`,
      vpcId: props.network.vpcId,
    });
    const s3 = new DataAwsPrefixList(this, 'S3PrefixList', { name: `com.amazonaws.${platform.region}.s3` });
    new VpcSecurityGroupEgressRule(this, 'HttpsToS3', {
      securityGroupId: this.group.id,
      description: 'COPY and UNLOAD to S3 through the gateway endpoint (enhanced VPC routing)',
      ipProtocol: 'tcp',
      fromPort: HTTPS_PORT,
      toPort: HTTPS_PORT,
      prefixListId: s3.id,
    });
    new VpcSecurityGroupEgressRule(this, 'HttpsInsideVpc', {
      securityGroupId: this.group.id,
      description: 'AWS service interface endpoints inside the VPC',
      ipProtocol: 'tcp',
      fromPort: HTTPS_PORT,
      toPort: HTTPS_PORT,
      cidrIpv4: props.network.vpcCidr,
    });
    if (props.firehoseCidr) {
      new VpcSecurityGroupIngressRule(this, 'FromFirehose', {
        securityGroupId: this.group.id,
        description: `Amazon Data Firehose COPY (${platform.region} service CIDR block only)`,
        ipProtocol: 'tcp',
        fromPort: props.port,
        toPort: props.port,
        cidrIpv4: props.firehoseCidr,
      });
    }
  }
}

/**
 * An ingress rule from a client security group to a warehouse's port (once per scope and id).
 * @internal
 */
export function allowWarehousePort(scope: Construct, id: string, warehouseGroupId: string, clientGroupId: string, port: number): void {
  if (scope.node.tryFindChild(`From-${id}`)) return;
  new VpcSecurityGroupIngressRule(scope, `From-${id}`, {
    securityGroupId: warehouseGroupId,
    description: `Redshift clients: ${id}`,
    ipProtocol: 'tcp',
    fromPort: port,
    toPort: port,
    referencedSecurityGroupId: clientGroupId,
  });
}
