import { Token } from '../../core/cdktf';
import { describeValue, PipelineValidationError } from '../../core/errors';
import { IAwsNetwork } from '../../platform/aws/network';

/** Fewest private subnets a network must have (two availability zones). */
export const MIN_PRIVATE_SUBNETS = 2;

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Attributes of an existing VPC, for {@link AwsNetwork.fromAttributes}. */
export interface AwsNetworkAttributes {
  /** VPC id. */
  readonly vpcId: string;
  /** Private subnet ids, at least two, in different availability zones. */
  readonly privateSubnetIds: string[];
  /** CIDR block of the VPC, for example `10.0.0.0/16`. */
  readonly vpcCidr: string;
}

/**
 * True when `value` is an IPv4 CIDR block (`a.b.c.d/n`, octets 0-255, prefix 0-32).
 * @internal
 */
export function isIpv4Cidr(value: string): boolean {
  const m = CIDR.exec(value);
  return m !== null && m.slice(1, 5).every((o) => Number(o) <= 255) && Number(m[5]) <= 32;
}

/** An existing private network (VPC) that the platform's constructs run in. */
export class AwsNetwork {
  /**
   * An existing VPC by its attributes. Validates what is known at synth time (unresolved tokens are
   * accepted unchecked): at least two distinct subnets and an IPv4 CIDR block.
   */
  public static fromAttributes(attrs: AwsNetworkAttributes): IAwsNetwork {
    const fail = (prop: string, value: unknown, allowed: string) =>
      new PipelineValidationError(`AwsNetwork.fromAttributes: invalid ${prop}: received ${describeValue(value)}; ${allowed}.`);
    const subnets = attrs.privateSubnetIds ?? [];
    if (!Token.isUnresolved(subnets)) {
      if (subnets.length < MIN_PRIVATE_SUBNETS || new Set(subnets).size !== subnets.length) {
        throw fail('privateSubnetIds', subnets, `give at least ${MIN_PRIVATE_SUBNETS} distinct private subnets in different availability zones`);
      }
    }
    if (!Token.isUnresolved(attrs.vpcCidr) && !isIpv4Cidr(attrs.vpcCidr ?? '')) {
      throw fail('vpcCidr', attrs.vpcCidr, 'use the IPv4 CIDR block of the VPC, such as "10.0.0.0/16"');
    }
    return { vpcId: attrs.vpcId, privateSubnetIds: subnets, vpcCidr: attrs.vpcCidr };
  }

  private constructor() {}
}
