import { Construct, IConstruct } from 'constructs';
import { Aspects, TerraformStack } from '../../core/cdktf';
import { AlarmDescription, AlarmOverride } from '../alarm-contract';
import { AlarmSpecBase } from './alarm-spec';
import { applyOverrides, constructsUnder } from './overrides';

/** Whether an observability stack watches its whole stack unless told otherwise (`autoDiscover`). */
export const DEFAULT_AUTO_DISCOVER = true;

/** Props every observability backend shares. @internal */
export interface AlarmDiscoveryProps {
  readonly autoDiscover?: boolean;
  readonly alarmOverrides?: AlarmOverride[];
}

/**
 * Discovery, overrides and listing shared by the CloudWatch and Prometheus backends. The backend's
 * resources are created once, by an aspect on the stack, when the whole tree exists (so pipeline
 * constructs declared after the observability stack are watched too). `prepare` runs first, so what
 * it adds (for example log shipping) is watched as well.
 * @internal
 */
export class AlarmDiscovery<T extends AlarmSpecBase> {
  private readonly roots: IConstruct[] = [];
  private readonly overrides: AlarmOverride[];
  private built = false;

  constructor(
    private readonly owner: Construct,
    props: AlarmDiscoveryProps,
    private readonly specsFor: (node: IConstruct) => T[],
    build: (specs: T[]) => void,
    prepare?: () => void,
  ) {
    this.overrides = [...(props.alarmOverrides ?? [])];
    const stack = TerraformStack.of(owner);
    if (props.autoDiscover ?? DEFAULT_AUTO_DISCOVER) this.roots.push(stack);
    Aspects.of(stack).add({
      visit: (node: IConstruct) => {
        if (node !== stack || this.built) return;
        this.built = true;
        prepare?.();
        build(this.specs());
      },
    });
  }

  /** Watches a construct and everything inside it. */
  public monitor(scope: IConstruct): void {
    this.roots.push(scope);
  }

  /** Adds an override (applied after those in props). */
  public override(override: AlarmOverride): void {
    this.overrides.push(override);
  }

  /** Every watched construct in tree order (the owner's own subtree excluded). */
  public watched(): IConstruct[] {
    const own = new Set<IConstruct>(this.owner.node.findAll());
    return constructsUnder(this.roots).filter((node) => !own.has(node));
  }

  /** Catalog specs of every watched construct, overrides applied. */
  public specs(): T[] {
    return applyOverrides(this.owner, this.watched().flatMap((node) => this.specsFor(node)), this.overrides);
  }
}

/** Sorts descriptions by resource path, then key, then name. @internal */
export function sortDescriptions(descriptions: AlarmDescription[]): AlarmDescription[] {
  return [...descriptions].sort((a, b) =>
    a.resource.localeCompare(b.resource) || a.key.localeCompare(b.key) || a.name.localeCompare(b.name));
}
