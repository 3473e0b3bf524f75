// Where a report's data comes from: the payload embedded by `rustscope report` (see CONTRACT-22.md), or a
// file dropped onto the page (a session, a whole payload, or collapsed stacks; gzip-compressed or not).
import { parseCollapsed } from "./collapsed";
import type { Payload, ProfileSession } from "./types";

/** The embedded data, parsed: a profile report's payload or a trend page's (see trend.ts); null when there is none. */
export async function embeddedData(): Promise<unknown> {
  const node = document.getElementById("rustscope-data");
  const text = node?.textContent?.trim() ?? "";
  if (!node || text === "") return null;
  const encoding = node.getAttribute("data-encoding") ?? "json";
  if (encoding !== "json" && encoding !== "gzip-base64") throw new Error(`unknown payload encoding "${encoding}"`);
  const json = encoding === "gzip-base64" ? await gunzip(base64Bytes(text)) : text;
  return JSON.parse(json) as unknown;
}

/** The embedded data as a profile report's payload. */
export function reportPayload(data: unknown): Payload | null {
  return data === null ? null : asPayload(data, document.title);
}

/** What dropping a file does: the text of a session, a payload or collapsed stacks. */
export function parseText(text: string, fileName: string): Payload {
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{")) return asPayload(JSON.parse(trimmed), fileName);
  return { title: fileName, base: parseCollapsed(text, fileName), head: null, comparison: null };
}

/** A dropped file's text, decompressed first when it is gzip. */
export async function readFile(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzip(bytes) : new TextDecoder().decode(bytes);
}

function asPayload(value: unknown, title: string): Payload {
  const v = value as Partial<Payload> & Partial<ProfileSession>;
  if (v.base) {
    checkSession(v.base, "base");
    if (v.head) checkSession(v.head, "head");
    return { title: v.title ?? title, base: v.base, head: v.head ?? null, comparison: v.comparison ?? null };
  }
  checkSession(v, "file");
  return { title: `${title} — ${v.meta!.project}`, base: v as ProfileSession, head: null, comparison: null };
}

function checkSession(s: Partial<ProfileSession>, what: string): void {
  if (typeof s !== "object" || s === null || !s.meta || !s.summary) throw new Error(`the ${what} is not a RustScope session (no meta and summary)`);
  if (s.schema_version !== 1) throw new Error(`the ${what} has schema_version ${String(s.schema_version)}; this page reads version 1`);
}

function base64Bytes(text: string): Uint8Array {
  const binary = atob(text.replace(/\s+/g, ""));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function gunzip(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).text();
}
