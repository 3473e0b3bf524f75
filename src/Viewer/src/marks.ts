// Dashed red vertical lines across a uPlot chart, each labelled at the top: memory events on the timeline, change
// points on a trend chart. Labels are drawn with fillText, so text from the data never becomes markup.
import type uPlot from "uplot";

export interface Mark {
  /** Where on the x scale. */
  x: number;
  label: string;
}

/** Draws the marks inside the plot area; returns, per mark drawn, its x in canvas pixels and the plot's top and bottom. */
export function drawMarks(u: uPlot, marks: Mark[], lineWidth = 1): { mark: Mark; x: number; top: number; bottom: number }[] {
  const ctx = u.ctx;
  const top = u.bbox.top;
  const bottom = u.bbox.top + u.bbox.height;
  const drawn: { mark: Mark; x: number; top: number; bottom: number }[] = [];
  ctx.save();
  ctx.strokeStyle = "#e03131";
  ctx.fillStyle = "#e03131";
  ctx.lineWidth = lineWidth * devicePixelRatio;
  ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
  ctx.font = `${Math.round(11 * devicePixelRatio)}px system-ui, sans-serif`;
  for (const mark of marks) {
    const x = Math.round(u.valToPos(mark.x, "x", true));
    if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, bottom);
    ctx.stroke();
    ctx.fillText(mark.label, x + 3 * devicePixelRatio, top + 12 * devicePixelRatio);
    drawn.push({ mark, x, top, bottom });
  }
  ctx.restore();
  return drawn;
}
