/**
 * Span timestamps arrive as RFC 3339 with nanoseconds ("…T15:59:14.945224154Z"). Date.parse keeps
 * only milliseconds, and epoch nanoseconds overflow a double's exact range, so the waterfall works in
 * epoch microseconds (about 1.8e15, exact as a double).
 */
export function toEpochMicros(iso: string): number {
  const match = /^(.*T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})$/.exec(iso);
  if (!match) return Date.parse(iso) * 1000;
  const seconds = Date.parse(match[1] + match[3]);
  const fraction = (match[2] ?? '').padEnd(6, '0').slice(0, 6);
  return seconds * 1000 + Number(fraction);
}
