// One loaded report: the payload, its frames interned once, each side's stacks per weight, and the call trees
// built on demand and cached per (side, weight, direction, filter, split) so toggling back and forth costs nothing.
import { FrameTable, stackSet, type StackSet, type Weight } from "./frames";
import { Splitter, type Split } from "./split";
import { buildTree, type CallTree, type Direction } from "./tree";
import type { Payload, ProfileSession } from "./types";

const maxTrees = 8;

export type Side = "base" | "head";

export interface TreeKey {
  side: Side;
  weight: Weight;
  direction: Direction;
  hideFramework: boolean;
  focus: number;
  split: Split;
}

const weights: Weight[] = ["cpu", "wait", "alloc", "native"];

export class Report {
  readonly table = new FrameTable();
  private readonly sets = new Map<string, StackSet | null>();
  private readonly trees = new Map<string, CallTree>();
  readonly splitter: Splitter;

  constructor(readonly payload: Payload) {
    // Interning every side's frames before any tree is built keeps frame indices below each tree's frame count.
    for (const side of this.sides()) for (const weight of weights) this.sets.set(`${side}|${weight}`, stackSet(this.session(side), weight, this.table));
    this.splitter = new Splitter(this.sides().map((side) => this.session(side)));
  }

  /** Every side's stacks of one weight, or of all weights. */
  allStacks(weight?: Weight): (StackSet | null)[][] {
    return this.sides().map((side) => (weight ? [weight] : weights).map((w) => this.stacks(side, w)));
  }

  sides(): Side[] {
    return this.payload.head ? ["base", "head"] : ["base"];
  }

  session(side: Side): ProfileSession {
    return side === "head" && this.payload.head ? this.payload.head : this.payload.base;
  }

  stacks(side: Side, weight: Weight): StackSet | null {
    return this.sets.get(`${side}|${weight}`) ?? null;
  }

  has(weight: Weight): boolean {
    return this.sides().some((side) => this.stacks(side, weight) !== null);
  }

  tree(key: TreeKey): CallTree | null {
    const set = this.stacks(key.side, key.weight);
    if (!set) return null;
    const { split } = key;
    const id = `${key.side}|${key.weight}|${key.direction}|${key.hideFramework}|${key.focus}|${split.origin}|${split.from}|${split.to}`;
    let tree = this.trees.get(id);
    if (!tree) {
      const include = this.splitter.mask(this.sides().indexOf(key.side), set, split);
      tree = buildTree(set, this.table.size, { direction: key.direction, hidden: key.hideFramework ? this.table.framework() : null, focus: key.focus, include });
      this.trees.set(id, tree);
      // A big tree takes tens of MB; keep the few most recent filters.
      if (this.trees.size > maxTrees) this.trees.delete(this.trees.keys().next().value!);
    }
    return tree;
  }
}
