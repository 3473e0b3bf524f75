// Flamegraph colours: warm hues for the application's frames, cool grey-blue for runtime and framework frames,
// the hue picked from the name so a function keeps its colour across views and reports.
import type { FrameTable } from "./frames";

export const rootColor = "rgb(200,200,200)";
export const matchColor = "rgb(230,73,128)";
export const fadedColor = "rgb(234,234,234)";

export function framePalette(table: FrameTable): string[] {
  const framework = table.framework();
  return table.names.map((name, f) => {
    const h = hash(name);
    return framework[f] === 1
      ? `hsl(${200 + (h % 30)},${18 + (h % 12)}%,${72 + ((h >> 5) % 8)}%)`
      : `hsl(${(h % 50) + 5},${70 + ((h >> 3) % 20)}%,${58 + ((h >> 7) % 10)}%)`;
  });
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
