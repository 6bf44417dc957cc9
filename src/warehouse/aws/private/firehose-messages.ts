/** The documentation of how Firehose reaches Redshift in a VPC. @internal */
export const FIREHOSE_REDSHIFT_VPC_DOC = 'https://docs.aws.amazon.com/firehose/latest/dev/controlling-access.html#using-iam-rs-vpc';

/**
 * Why a private warehouse rejects a Firehose destination, and the ways out.
 * @internal
 */
export const FIREHOSE_PRIVATE_WAREHOUSE_PROBLEM = 'a Firehose destination needs a warehouse that Amazon Data Firehose can reach, and Firehose connects to '
  + `Redshift in a VPC only through a publicly accessible endpoint (${FIREHOSE_REDSHIFT_VPC_DOC}); this warehouse is private. `
  + 'Load privately with warehouse.streamingIngestion(stream, { materializedViewName }) (Redshift reads the Kinesis stream itself) '
  + 'or through the lake (a lake destination on the stream, then warehouse.loadFromLake(...)); '
  + 'or opt in with firehoseAccess: FirehoseAccess.publicEndpointForFirehoseCidrs({ subnetIds }) (a public endpoint in subnets routed '
  + 'to an internet gateway, reachable only from the region\'s Firehose CIDR block).';
