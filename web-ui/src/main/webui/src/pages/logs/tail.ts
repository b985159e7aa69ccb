import type { LogRecord } from './api';

/**
 * Live tail bookkeeping, kept pure for tests: the page polls for records newer than the newest it
 * has (minus an overlap, because exporters batch and a record stamped earlier can be stored after a
 * later one), and merges what comes back into a bounded, newest-first buffer without duplicates.
 */

/** How far before the newest line each poll looks again, for records that arrive late. */
export const TAIL_OVERLAP_MS = 30_000;
/** Lines kept in the buffer; older ones fall off the bottom. */
export const TAIL_MAX_LINES = 2000;

/**
 * A sortable form of an RFC 3339 UTC timestamp: the fraction padded to nine digits, so that string
 * order is time order ("…:05Z" and "…:05.5Z" would otherwise compare the wrong way round).
 */
export function timeKey(iso: string): string {
  const match = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z$/.exec(iso);
  if (!match) return iso;
  return `${match[1]}.${(match[2] ?? '').padEnd(9, '0')}Z`;
}

/** Ids are unsigned 64-bit decimals: longer is larger, then digit order. */
function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Newest first by timestamp, then id descending: the order of the API's pages. */
export function compareNewestFirst(a: LogRecord, b: LogRecord): number {
  const ta = timeKey(a.timestamp);
  const tb = timeKey(b.timestamp);
  if (ta !== tb) return ta < tb ? 1 : -1;
  return -compareIds(a.id, b.id);
}

/**
 * The buffer with the incoming records merged in: deduplicated by id (a record seen again keeps its
 * place), newest first, at most `max` lines. Returns the same array when nothing new arrived, so
 * React skips the re-render.
 */
export function mergeTail(current: LogRecord[], incoming: LogRecord[], max: number = TAIL_MAX_LINES): LogRecord[] {
  const seen = new Set(current.map((r) => r.id));
  const fresh: LogRecord[] = [];
  for (const record of incoming) {
    if (seen.has(record.id)) continue;
    seen.add(record.id);
    fresh.push(record);
  }
  if (fresh.length === 0) return current;
  return [...fresh, ...current].sort(compareNewestFirst).slice(0, max);
}

/** The furthest back a poll looks when nothing has arrived for a long time. */
export const TAIL_MAX_LOOKBACK_MS = 3_600_000;

/**
 * Where the next poll starts: the overlap before the newest line (or before the tail started). A
 * line stamped in the future (a skewed client clock) counts as now, and after a long silence the
 * poll looks back at most an hour, so every poll stays a small query.
 */
export function nextTailFrom(lines: LogRecord[], startedAt: number, now: number, overlapMs: number = TAIL_OVERLAP_MS): Date {
  const newest = lines.length ? Date.parse(lines[0].timestamp) : startedAt;
  const base = Math.min(Math.max(newest, now - TAIL_MAX_LOOKBACK_MS), now);
  return new Date(base - overlapMs);
}

/** How many lines of the live buffer are newer than the first line of a frozen view. */
export function countNewer(lines: LogRecord[], frozenTop: LogRecord | undefined): number {
  if (!frozenTop) return lines.length;
  let n = 0;
  while (n < lines.length && compareNewestFirst(lines[n], frozenTop) < 0) n++;
  return n;
}
