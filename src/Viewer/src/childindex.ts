// (parent node, frame) → child node, in an open-addressing table of typed arrays. A Map keyed by
// node * frames + frame was the tree build's main cost: its keys pass 2^31 and become boxed doubles.
export class ChildIndex {
  private parents: Int32Array;
  private frames: Int32Array;
  private children: Int32Array;
  private mask: number;
  private size = 0;

  constructor(expected: number) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.parents = new Int32Array(capacity).fill(-1);
    this.frames = new Int32Array(capacity);
    this.children = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  get(parent: number, frame: number): number {
    for (let i = slot(parent, frame) & this.mask; ; i = (i + 1) & this.mask) {
      const p = this.parents[i];
      if (p === -1) return -1;
      if (p === parent && this.frames[i] === frame) return this.children[i];
    }
  }

  /** The child already stored for the pair, else stores `child` for it and returns it: one probe for both. */
  getOrAdd(parent: number, frame: number, child: number): number {
    if ((this.size + 1) * 2 > this.parents.length) this.grow();
    let i = slot(parent, frame) & this.mask;
    for (let p = this.parents[i]; p !== -1; i = (i + 1) & this.mask, p = this.parents[i]) {
      if (p === parent && this.frames[i] === frame) return this.children[i];
    }
    this.parents[i] = parent;
    this.frames[i] = frame;
    this.children[i] = child;
    this.size++;
    return child;
  }

  private grow(): void {
    const { parents, frames, children } = this;
    this.parents = new Int32Array(parents.length * 2).fill(-1);
    this.frames = new Int32Array(parents.length * 2);
    this.children = new Int32Array(parents.length * 2);
    this.mask = this.parents.length - 1;
    this.size = 0;
    for (let i = 0; i < parents.length; i++) if (parents[i] !== -1) this.getOrAdd(parents[i], frames[i], children[i]);
  }
}

function slot(parent: number, frame: number): number {
  const h = Math.imul(parent, 0x9e3779b1) ^ Math.imul(frame + 0x7f4a7c15, 0x85ebca77);
  return (h ^ (h >>> 15)) >>> 0;
}
