// One loaded report: the payload, its frames interned once, each side's stacks per weight, and the call trees
// built on demand and cached per (side, weight, direction, filter) so toggling back and forth costs nothing.
import { FrameTable, stackSet, type StackSet, type Weight } from "./frames";
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
}

export class Report {
  readonly table = new FrameTable();
  private readonly sets = new Map<string, StackSet | null>();
  private readonly trees = new Map<string, CallTree>();

  constructor(readonly payload: Payload) {
    // Interning every side's frames before any tree is built keeps frame indices below each tree's frame count.
    for (const side of this.sides()) for (const weight of ["cpu", "alloc"] as const) this.sets.set(`${side}|${weight}`, stackSet(this.session(side), weight, this.table));
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
    const id = `${key.side}|${key.weight}|${key.direction}|${key.hideFramework}|${key.focus}`;
    let tree = this.trees.get(id);
    if (!tree) {
      tree = buildTree(set, this.table.size, { direction: key.direction, hidden: key.hideFramework ? this.table.framework() : null, focus: key.focus });
      this.trees.set(id, tree);
      // A big tree takes tens of MB; keep the few most recent filters.
      if (this.trees.size > maxTrees) this.trees.delete(this.trees.keys().next().value!);
    }
    return tree;
  }
}
