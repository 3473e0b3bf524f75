// PLACEHOLDER page for issue 22, written only so the C# side builds and its browser tests run. The real viewer
// (src/Viewer, same paths) replaces this file on merge; keep it tiny. Contract: CONTRACT-22.md.
interface Frame { name: string }
interface Session { stacks?: { frames: Frame[]; samples: { stack: number[]; weight: number }[] }; functions?: { name: string; self_pct?: number }[] }
interface Payload { title: string; base: Session; head: Session | null; comparison: unknown }

let selfWeights = new Map<string, number>();
let hottest: string | null = null;
let slower = 0;
let faster = 0;

function weights(session: Session): Map<string, number> {
  const self = new Map<string, number>();
  if (session.stacks) {
    for (const sample of session.stacks.samples) {
      const leaf = session.stacks.frames[sample.stack[sample.stack.length - 1]]?.name;
      if (leaf !== undefined) self.set(leaf, (self.get(leaf) ?? 0) + sample.weight);
    }
  } else {
    for (const f of session.functions ?? []) self.set(f.name, f.self_pct ?? 0);
  }
  return self;
}

function collapsed(text: string): Session {
  const frames: Frame[] = [];
  const index = new Map<string, number>();
  const samples = text.split("\n").filter((l) => l.trim()).map((line) => {
    const cut = line.lastIndexOf(" ");
    const stack = line.slice(0, cut).split(";").map((name) => {
      if (!index.has(name)) { index.set(name, frames.length); frames.push({ name }); }
      return index.get(name)!;
    });
    return { stack, weight: Number(line.slice(cut + 1)) };
  });
  return { stacks: { frames, samples } };
}

function show(base: Session, head: Session | null): void {
  selfWeights = weights(head ?? base);
  hottest = null;
  for (const [name, w] of selfWeights) if (hottest === null || w > selfWeights.get(hottest)!) hottest = name;
  slower = faster = 0;
  if (head) {
    const before = weights(base);
    for (const [name, w] of selfWeights) {
      const b = before.get(name) ?? 0;
      if (w > b) slower++; else if (w < b) faster++;
    }
  }
  const out = document.getElementById("placeholder-hottest") ?? document.body.appendChild(document.createElement("p"));
  out.id = "placeholder-hottest";
  out.textContent = `Hottest: ${hottest ?? "(no data)"}`;
}

async function payload(): Promise<Payload> {
  const tag = document.getElementById("rustscope-data")!;
  let text = tag.textContent ?? "";
  if (tag.dataset.encoding === "gzip-base64") {
    const bytes = Uint8Array.from(atob(text.trim()), (c) => c.charCodeAt(0));
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    text = await new Response(stream).text();
  }
  return JSON.parse(text) as Payload;
}

(window as unknown as { rustscopeViewer: object }).rustscopeViewer = {
  state: () => ({
    view: "flame", weight: "cpu", mode: "single", zoom: null, hottest,
    search: { query: "", matches: 0, share: 0 }, hideFramework: false, focus: null,
    visibleFrames: [...selfWeights.keys()].slice(0, 200), diffColored: { slower, faster },
  }),
  load: (text: string, fileName: string) => show(fileName.endsWith(".json") ? JSON.parse(text) : collapsed(text), null),
  zoomTo: () => undefined,
  frameAt: () => null,
};

payload().then((data) => {
  const h1 = document.body.insertBefore(document.createElement("h1"), document.body.firstChild);
  h1.textContent = data.title;
  show(data.base, data.head);
  document.documentElement.dataset.ready = "1";
}).catch((e: Error) => {
  document.documentElement.dataset.error = e.message;
  document.body.textContent = e.message;
});
