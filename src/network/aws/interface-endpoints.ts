import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct, IConstruct } from 'constructs';
import {
  AwsServiceEndpoint, checkServiceEndpoints, DEFAULT_INTERFACE_ENDPOINTS, INTERFACE_ENDPOINT_PORT, interfaceEndpointServiceName,
  isInterfaceEndpointHost,
} from './aws-service-endpoint';
import { invalidProp } from '../../core/errors';
import { AwsNameRules, kebab } from '../../core/naming';
import { AwsPlatform } from '../../platform/aws/aws-platform';
import { IAwsNetwork } from '../../platform/aws/network';

/** Props of {@link InterfaceEndpoints}. */
export interface InterfaceEndpointsProps {
  /** The network the endpoints go in: one network interface in each of its private subnets. */
  readonly network: IAwsNetwork;
  /**
   * Services to create endpoints for now (`add` adds more later).
   * @default DEFAULT_INTERFACE_ENDPOINTS (none)
   */
  readonly services?: AwsServiceEndpoint[];
}

/** `SECRETS_MANAGER` -> `SecretsManager`: the construct id of a service's endpoint. */
function endpointId(service: AwsServiceEndpoint): string {
  const key = Object.entries(AwsServiceEndpoint).find(([, value]) => value === service)![0];
  return key.split('_').map((word) => word.charAt(0) + word.slice(1).toLowerCase()).join('');
}

/**
 * VPC interface endpoints (AWS PrivateLink) to AWS services, so workloads in private subnets with no
 * internet route reach their APIs: one `Interface` endpoint per service, in every private subnet of
 * the network, with private DNS on (the service's usual host name resolves to the endpoint, so
 * clients need no setting). One security group for all of them: HTTPS (443) from the VPC's CIDR
 * block only, no egress (the provider removes AWS's allow-all rule; endpoints only answer).
 *
 * A PrivateNetwork owns one (`PrivateNetwork.addInterfaceEndpoints`); create one yourself only for an
 * imported VPC that lacks endpoints (private DNS needs the VPC's DNS support and DNS host names).
 * Adding a service twice is a no-op. A second set in a network that creates its own (PrivateNetwork)
 * is an error: two endpoints of a service with private DNS cannot share a VPC.
 */
export class InterfaceEndpoints extends Construct {
  /** The security group of every endpoint. */
  public readonly securityGroup: SecurityGroup;
  private readonly network: IAwsNetwork;
  private readonly region: string;
  private readonly name: string;
  private readonly endpoints = new Map<AwsServiceEndpoint, VpcEndpoint>();

  constructor(scope: Construct, id: string, props: InterfaceEndpointsProps) {
    super(scope, id);
    if (isInterfaceEndpointHost(props.network) && (scope as unknown) !== props.network) {
      throw invalidProp(this, 'network', (props.network as unknown as Partial<IConstruct>).node?.path ?? 'a network with addInterfaceEndpoints',
        'this network creates its own interface endpoints, once per service (a second endpoint of a service with private DNS cannot share the VPC): '
        + 'use its addInterfaceEndpoints(...) or its interfaceEndpoints prop');
    }
    const platform = AwsPlatform.ofAws(this);
    this.network = props.network;
    this.region = platform.region;
    this.name = platform.physicalName(this, AwsNameRules.SECURITY_GROUP, [kebab(id)]);
    this.securityGroup = new SecurityGroup(this, 'SecurityGroup', {
      name: this.name,
      description: `AWS service interface endpoints: HTTPS (${INTERFACE_ENDPOINT_PORT}) from inside the VPC only`,
      vpcId: props.network.vpcId,
      tags: { Name: this.name },
    });
    new VpcSecurityGroupIngressRule(this, 'HttpsFromVpc', {
      securityGroupId: this.securityGroup.id,
      description: 'HTTPS to AWS service APIs from inside the VPC',
      ipProtocol: 'tcp',
      fromPort: INTERFACE_ENDPOINT_PORT,
      toPort: INTERFACE_ENDPOINT_PORT,
      cidrIpv4: props.network.vpcCidr,
    });
    this.add(props.services ?? DEFAULT_INTERFACE_ENDPOINTS);
  }

  /** Services that have an endpoint here, in the order they were added. */
  public get services(): AwsServiceEndpoint[] {
    return [...this.endpoints.keys()];
  }

  /**
   * Adds an endpoint for each service that has none yet; returns the endpoints of `services` (new
   * or existing), in the order given, without duplicates.
   */
  public add(services: AwsServiceEndpoint[]): VpcEndpoint[] {
    return checkServiceEndpoints(this, 'services', services).map((service) => {
      let endpoint = this.endpoints.get(service);
      if (!endpoint) {
        endpoint = new VpcEndpoint(this, endpointId(service), {
          vpcId: this.network.vpcId,
          serviceName: interfaceEndpointServiceName(this.region, service),
          vpcEndpointType: 'Interface',
          subnetIds: this.network.privateSubnetIds,
          securityGroupIds: [this.securityGroup.id],
          privateDnsEnabled: true,
          tags: { Name: `${this.name}-${service}` },
        });
        this.endpoints.set(service, endpoint);
      }
      return endpoint;
    });
  }

  /** The endpoint of `service`, if it has one here. */
  public endpointFor(service: AwsServiceEndpoint): VpcEndpoint | undefined {
    return this.endpoints.get(service);
  }
}
