import { TerraformStack } from 'cdktf';
import { AwsPlatform, PrivateNetwork } from '../../../../src';
import { OpenSearchSearchCluster, OpenSearchSearchClusterProps } from '../../../../src/search';
import { newStack } from '../../../support/synth';

/** A stack with an AWS platform (`acme`, eu-west-1) and, unless told, a PrivateNetwork with `subnets` private subnets. */
export function searchStack(options: { withoutNetwork?: boolean; subnets?: number; allowDataDestruction?: boolean } = {}): TerraformStack {
  const stack = newStack();
  new AwsPlatform(stack, 'Platform', { region: 'eu-west-1', namePrefix: 'acme', allowDataDestruction: options.allowDataDestruction });
  if (!options.withoutNetwork) new PrivateNetwork(stack, 'Network', { subnetCount: options.subnets });
  return stack;
}

/** A stack with a cluster `Search`. */
export function clusterStack(props: OpenSearchSearchClusterProps = {}): { stack: TerraformStack; search: OpenSearchSearchCluster } {
  const stack = searchStack();
  return { stack, search: new OpenSearchSearchCluster(stack, 'Search', props) };
}
