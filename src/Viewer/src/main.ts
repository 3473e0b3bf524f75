// Entry point: shows the embedded payload (or an empty page waiting for a dropped file), then raises the ready
// flag the report's tests wait for. A failure is shown and put in data-error instead.
import { App, emptySession, type ViewerState } from "./app";
import { embeddedData, reportPayload } from "./load";
import { isTrendPayload, renderTrends, type TrendState } from "./trend";

declare global {
  interface Window {
    rustscopeViewer: {
      state(): ViewerState;
      load(text: string, fileName: string): void;
      zoomTo(name: string): boolean;
      frameAt(x: number, y: number): string | null;
    };
    /** Set on a trend page instead of rustscopeViewer. */
    rustscopeTrend?: { state(): TrendState };
  }
}

async function start(): Promise<void> {
  const root = document.createElement("main");
  document.body.append(root);
  const data = await embeddedData().catch((e: unknown) => e as Error);
  if (isTrendPayload(data)) {
    try {
      const state = renderTrends(root, data);
      window.rustscopeTrend = { state: () => state };
      document.documentElement.dataset.ready = "1";
    } catch (e) {
      root.append(Object.assign(document.createElement("p"), { className: "error", textContent: `This trend page could not be shown: ${(e as Error).message}` }));
      document.documentElement.dataset.error = (e as Error).message;
    }
    return;
  }
  const app = new App(root);
  window.rustscopeViewer = {
    state: () => app.state(),
    load: (text, fileName) => app.load(text, fileName),
    zoomTo: (name) => app.zoomTo(name),
    frameAt: (x, y) => app.frameAt(x, y),
  };
  try {
    if (data instanceof Error) throw data;
    const payload = reportPayload(data);
    // Marks for scripts/gen-big.mjs --measure: decoding and parsing, then the first render.
    performance.mark("rustscope-decoded");
    app.show(payload ?? { title: "RustScope", base: emptySession(), head: null, comparison: null });
    performance.mark("rustscope-rendered");
    document.documentElement.dataset.ready = "1";
  } catch (e) {
    const message = `This report could not be read: ${(e as Error).message}`;
    app.fail(message);
    document.documentElement.dataset.error = message;
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => void start());
else void start();
