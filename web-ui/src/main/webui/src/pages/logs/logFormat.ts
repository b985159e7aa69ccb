/** Text helpers of the log list: match highlighting, compact times, bucket sizes. */

export interface TextPart {
  text: string;
  match: boolean;
}

/**
 * The text cut into parts where any of the search words occurs (case-insensitively), so the list
 * can mark what the full-text search matched.
 */
export function highlightParts(text: string, words: string[]): TextPart[] {
  const needles = [...new Set(words.map((w) => w.toLowerCase()).filter(Boolean))];
  if (needles.length === 0 || !text) return [{ text, match: false }];
  const lower = text.toLowerCase();
  const parts: TextPart[] = [];
  let at = 0;
  while (at < text.length) {
    let next = -1;
    let length = 0;
    for (const n of needles) {
      const i = lower.indexOf(n, at);
      if (i !== -1 && (next === -1 || i < next || (i === next && n.length > length))) {
        next = i;
        length = n.length;
      }
    }
    if (next === -1) break;
    if (next > at) parts.push({ text: text.slice(at, next), match: false });
    parts.push({ text: text.slice(next, next + length), match: true });
    at = next + length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), match: false });
  return parts;
}

/** The search box's words, as the API splits them. */
export function searchWords(q: string): string[] {
  return q.trim().split(/\s+/).filter(Boolean);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "12-01 16:03:53.704" in local time: dense, sortable, millisecond precision. */
export function formatLogTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** 30 → "30s", 300 → "5m", 7200 → "2h", 86400 → "1d". */
export function formatStep(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

/** The first line of a body, for the one-line view (multi-line bodies show a marker). */
export function firstLine(body: string): { line: string; more: boolean } {
  const at = body.indexOf('\n');
  return at === -1 ? { line: body, more: false } : { line: body.slice(0, at), more: true };
}
