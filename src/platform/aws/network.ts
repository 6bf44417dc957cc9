/**
 * The private network (VPC) that AWS resources needing one (MSK, Redshift, OpenSearch, DMS, Lambda) run in.
 *
 * Workloads in it reach AWS APIs through VPC endpoints (a PrivateNetwork has no route to the
 * internet). A network that also implements `IInterfaceEndpointHost` (PrivateNetwork) creates the
 * interface endpoints the library's constructs ask for; with any other implementation
 * (AwsNetwork.fromAttributes) they must exist already, and those constructs leave a warning naming
 * them.
 */
export interface IAwsNetwork {
  /** VPC id. */
  readonly vpcId: string;
  /** Private subnet ids, at least two, in different availability zones. */
  readonly privateSubnetIds: string[];
  /** CIDR block of the VPC (for security group rules that allow traffic from inside it). */
  readonly vpcCidr: string;
}
