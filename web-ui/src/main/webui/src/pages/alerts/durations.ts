/**
 * Prometheus durations ("30s", "5m", "1h30m", "2d"): what rule files write for `for`, `interval` and
 * `keep_firing_for`, and what Alertmanager users type for group wait, repeat interval and silences.
 */

const UNITS: Array<[string, number]> = [
  ['y', 365 * 24 * 3600_000],
  ['w', 7 * 24 * 3600_000],
  ['d', 24 * 3600_000],
  ['h', 3600_000],
  ['m', 60_000],
  ['s', 1000],
  ['ms', 1],
];

/** Units in Prometheus's order; each at most once, largest first, like model.ParseDuration. */
const PATTERN = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;

/** Milliseconds of a Prometheus duration, or null when it is not one ("0" alone is zero, as in Prometheus). */
export function parseDuration(text: string): number | null {
  const value = text.trim();
  if (value === '0') return 0;
  if (value === '') return null;
  const match = PATTERN.exec(value);
  if (!match) return null;
  let total = 0;
  UNITS.forEach(([, size], i) => {
    if (match[i + 1] !== undefined) total += Number(match[i + 1]) * size;
  });
  return total;
}

/**
 * The shortest Prometheus spelling of a duration: 90_000 → "1m30s", 0 → "0s". maxUnits keeps only the
 * largest parts, for a human reading "ends in 1h59m" rather than "1h59m12s340ms".
 */
export function formatDuration(ms: number, maxUnits = UNITS.length): string {
  if (!Number.isFinite(ms) || ms <= 0) return '0s';
  let rest = Math.round(ms);
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    if (parts.length >= maxUnits) break;
    const count = Math.floor(rest / size);
    if (count > 0) {
      parts.push(`${count}${unit}`);
      rest -= count * size;
    } else if (parts.length > 0 && maxUnits < UNITS.length) {
      // A shortened form stops at the first gap: "1d" rather than "1d0h5m" cut to "1d5m"-like jumps.
      break;
    }
  }
  return parts.length ? parts.join('') : '0s';
}

/** A duration the API gives as text ("5m") or seconds (300), in Prometheus spelling; '' when absent. */
export function durationText(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'number') return formatDuration(value * 1000);
  return value;
}

/** Seconds of a form's duration field, or an error message naming the field. */
export function secondsOf(text: string, field: string): { seconds?: number; error?: string } {
  const ms = parseDuration(text);
  if (ms === null) return { error: `${field}: "${text}" is not a duration like 30s, 5m or 4h` };
  if (ms % 1000 !== 0) return { error: `${field}: use whole seconds` };
  return { seconds: ms / 1000 };
}
