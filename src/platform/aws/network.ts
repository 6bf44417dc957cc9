/** The private network (VPC) that AWS resources needing one (MSK, Redshift, OpenSearch, DMS, Lambda) run in. */
export interface IAwsNetwork {
  /** VPC id. */
  readonly vpcId: string;
  /** Private subnet ids, at least two, in different availability zones. */
  readonly privateSubnetIds: string[];
  /** CIDR block of the VPC (for security group rules that allow traffic from inside it). */
  readonly vpcCidr: string;
}
