import { IConstruct } from 'constructs';
import { AwsServiceEndpoint, checkServiceEndpoints, interfaceEndpointServiceName, isInterfaceEndpointHost } from './aws-service-endpoint';
import { Annotations, ITerraformDependable, TerraformStack } from '../../core/cdktf';
import { AwsPlatform } from '../../platform/aws/aws-platform';
import { IAwsNetwork } from '../../platform/aws/network';

/**
 * Makes sure `network` has VPC interface endpoints for `services`, for a construct (`scope`) whose
 * workloads call those AWS APIs from its private subnets:
 * - a network that creates them (PrivateNetwork) adds those it lacks, once per service whoever asks;
 *   the endpoints in `scope`'s stack are returned, for resources that must wait for them;
 * - any other network (AwsNetwork.fromAttributes) is left alone, and a warning on `scope` names the
 *   endpoints its VPC must provide (no error: they may exist already, or a NAT may route there).
 * @param who what needs them, for the warning (for example "DMS")
 * @internal
 */
export function ensureInterfaceEndpoints(
  scope: IConstruct, network: IAwsNetwork, services: AwsServiceEndpoint[], who: string,
): ITerraformDependable[] {
  const wanted = checkServiceEndpoints(scope, 'services', services);
  if (wanted.length === 0) return [];
  if (isInterfaceEndpointHost(network)) {
    const stack = TerraformStack.of(scope);
    // Terraform orders resources of other stacks by the stacks' own dependencies, not depends_on.
    return network.addInterfaceEndpoints(wanted).filter((endpoint) => TerraformStack.of(endpoint) === stack);
  }
  const region = AwsPlatform.ofAws(scope).region;
  Annotations.of(scope).addWarning(
    `${who} needs VPC interface endpoints for ${wanted.map((s) => interfaceEndpointServiceName(region, s)).join(', ')}, `
    + 'and this library adds them to a PrivateNetwork only, not to an imported network. Make sure the VPC has them, '
    + 'with private DNS enabled and HTTPS allowed from its CIDR block (new InterfaceEndpoints(...) creates them), or a NAT gateway.');
  return [];
}
