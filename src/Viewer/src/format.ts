// Number formatting for people: fixed locale so a report reads the same everywhere.
const locale = "en-US";

export function num(value: number | undefined | null, digits = 1): string {
  if (value === undefined || value === null || !Number.isFinite(value)) return "—";
  return value.toLocaleString(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export function pct(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)} %`;
}

export function bytes(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return "—";
  const units = ["B", "KB", "MB", "GB", "TB"];
  let v = value;
  let u = 0;
  while (Math.abs(v) >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${num(v, u === 0 ? 0 : 1)} ${units[u]}`;
}

export function nanos(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return "—";
  if (value >= 1e9) return `${num(value / 1e9, 2)} s`;
  if (value >= 1e6) return `${num(value / 1e6, 2)} ms`;
  if (value >= 1e3) return `${num(value / 1e3, 1)} µs`;
  return `${num(value, 0)} ns`;
}

/** A weight in its unit: samples, bytes or nanoseconds. */
export function weight(value: number, unit: string): string {
  if (unit === "bytes") return bytes(value);
  if (unit === "ns") return nanos(value);
  return `${num(value, 0)} ${unit}`;
}

/** The noun the search share is "of": "12.3 % of samples". */
export function unitNoun(unit: string): string {
  if (unit === "bytes") return "allocated bytes";
  if (unit === "ns") return "time";
  return unit;
}
