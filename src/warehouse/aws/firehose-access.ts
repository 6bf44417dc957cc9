/**
 * The CIDR block Amazon Data Firehose connects to Redshift from, per region. Firehose reaches a
 * Redshift cluster or Serverless workgroup in a VPC only through a publicly accessible endpoint
 * that allows this block. Source: "VPC access to an Amazon Redshift provisioned cluster or Amazon
 * Redshift Serverless workgroup", https://docs.aws.amazon.com/firehose/latest/dev/controlling-access.html#using-iam-rs-vpc
 */
export const FIREHOSE_REDSHIFT_CIDR_BLOCKS: Record<string, string> = {
  'us-east-2': '13.58.135.96/27',
  'us-east-1': '52.70.63.192/27',
  'us-west-1': '13.57.135.192/27',
  'us-west-2': '52.89.255.224/27',
  'us-gov-east-1': '18.253.138.96/27',
  'us-gov-west-1': '52.61.204.160/27',
  'ca-central-1': '35.183.92.128/27',
  'ca-west-1': '40.176.98.192/27',
  'ap-east-1': '18.162.221.32/27',
  'ap-south-1': '13.232.67.32/27',
  'ap-south-2': '18.60.192.128/27',
  'ap-northeast-2': '13.209.1.64/27',
  'ap-southeast-1': '13.228.64.192/27',
  'ap-southeast-2': '13.210.67.224/27',
  'ap-southeast-3': '108.136.221.64/27',
  'ap-northeast-1': '13.113.196.224/27',
  'ap-northeast-3': '13.208.177.192/27',
  'ap-southeast-7': '43.208.112.96/27',
  'ap-east-2': '43.212.53.160/27',
  'cn-north-1': '52.81.151.32/27',
  'cn-northwest-1': '161.189.23.64/27',
  'eu-central-2': '16.62.183.32/27',
  'eu-central-1': '35.158.127.160/27',
  'eu-west-1': '52.19.239.192/27',
  'eu-west-2': '18.130.1.96/27',
  'eu-west-3': '35.180.1.96/27',
  'eu-north-1': '13.53.63.224/27',
  'eu-south-2': '18.100.71.96/27',
  'me-south-1': '15.185.91.0/27',
  'mx-central-1': '78.12.207.32/27',
  'sa-east-1': '18.228.1.128/27',
  'eu-south-1': '15.161.135.128/27',
  'af-south-1': '13.244.121.224/27',
  'me-central-1': '3.28.159.32/27',
  'il-central-1': '51.16.102.0/27',
  'ap-southeast-4': '16.50.161.128/27',
  'ap-southeast-5': '43.216.58.0/27',
};

/** Whether Amazon Data Firehose may reach a warehouse. */
export enum FirehoseAccessKind {
  /** The warehouse stays private; Firehose destinations are rejected. */
  NONE = 'none',
  /** A publicly accessible endpoint that only the region's Firehose CIDR block may reach. */
  PUBLIC_ENDPOINT_FOR_FIREHOSE = 'public-endpoint-for-firehose',
}

/** Options of `FirehoseAccess.publicEndpointForFirehoseCidrs`. */
export interface FirehosePublicEndpointOptions {
  /**
   * Subnets whose route table sends internet traffic to an internet gateway (a publicly
   * accessible Redshift endpoint needs them; the platform's private subnets have no such route).
   * Serverless needs at least three, in three availability zones.
   */
  readonly subnetIds: string[];
}

/**
 * Whether Amazon Data Firehose may deliver into a RedshiftWarehouse. Firehose only connects to a
 * publicly accessible Redshift endpoint, so the default (`none()`) keeps the warehouse private and
 * rejects Firehose destinations; private alternatives are `streamingIngestion` (Redshift reads
 * Kinesis itself) and `loadFromLake` (COPY from the lake).
 */
export class FirehoseAccess {
  /** The warehouse stays private (the default): no public endpoint, no Firehose destination. */
  public static none(): FirehoseAccess {
    return new FirehoseAccess(FirehoseAccessKind.NONE);
  }

  /**
   * A publicly accessible endpoint in `subnetIds`, whose security group allows the warehouse port
   * only from the Firehose CIDR block of the platform's region (`FIREHOSE_REDSHIFT_CIDR_BLOCKS`),
   * never from anywhere else on the internet. TLS stays required. Enhanced VPC routing stays on, so
   * the route table of these subnets must also reach S3 (a gateway endpoint, or the internet
   * gateway) for COPY from Firehose's staging bucket.
   */
  public static publicEndpointForFirehoseCidrs(options: FirehosePublicEndpointOptions): FirehoseAccess {
    return new FirehoseAccess(FirehoseAccessKind.PUBLIC_ENDPOINT_FOR_FIREHOSE, options.subnetIds);
  }

  private constructor(
    /** Which access. */
    public readonly kind: FirehoseAccessKind,
    /** Subnets routed to an internet gateway (public endpoint only). */
    public readonly subnetIds?: string[],
  ) {}
}
