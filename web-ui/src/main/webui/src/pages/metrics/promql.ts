/**
 * Pure helpers for PromQL results: the step of a range query, series labels as Prometheus prints
 * them, and results shaped for the chart and the table.
 */

export type Metric = Record<string, string>;
/** [unix seconds, value as Prometheus encodes it: "1.5", "NaN", "+Inf"] */
export type PromSample = [number, string];

export interface VectorSample {
  metric: Metric;
  value: PromSample;
}
export interface MatrixSeries {
  metric: Metric;
  values: PromSample[];
}

export type QueryData =
  | { resultType: 'vector'; result: VectorSample[] }
  | { resultType: 'matrix'; result: MatrixSeries[] }
  | { resultType: 'scalar'; result: PromSample }
  | { resultType: 'string'; result: [number, string] };

/** Steps a person would pick, in seconds; neighbours are at most 2.5× apart. */
const NICE_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800];

/**
 * The step (seconds) of a range query over [from, to]: the smallest "nice" step giving at most
 * `maxPoints` points, which with neighbours ≤ 2.5× apart gives at least maxPoints / 2.5 (400 of 1000)
 * whenever the range is long enough for 1 s steps to exceed the cap.
 */
export function chooseStep(from: Date, to: Date, maxPoints = 1000): number {
  const seconds = Math.max(1, (to.getTime() - from.getTime()) / 1000);
  const minimum = seconds / maxPoints;
  return NICE_STEPS.find((s) => s >= minimum) ?? Math.ceil(minimum);
}

/** "15s", "5m", "1h", "1d": the step as a Prometheus duration. */
export function formatStep(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

/** `http_requests_total{code="500", job="api"}`, as Prometheus prints a series; `{}` when it has no labels. */
export function seriesLabel(metric: Metric): string {
  const name = metric.__name__ ?? '';
  const labels = Object.keys(metric)
    .filter((k) => k !== '__name__')
    .sort()
    .map((k) => `${k}="${escapeValue(metric[k])}"`);
  if (labels.length === 0) return name || '{}';
  return `${name}{${labels.join(', ')}}`;
}

function escapeValue(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** A sample value as a number; NaN becomes null (a gap), ±Inf stays. */
export function parseValue(v: string): number | null {
  const n = Number(v === '+Inf' ? Infinity : v === '-Inf' ? -Infinity : v);
  return Number.isNaN(n) ? null : n;
}

export interface ChartData {
  x: number[];
  series: Array<{ label: string; values: Array<number | null> }>;
}

/**
 * A matrix on a shared x axis from `start` to `end` (seconds) every `step`, as the chart needs it:
 * every series gets a value or null (a gap) at each timestamp. Samples off the grid are snapped to
 * the nearest step; infinite values become gaps too, since they cannot be drawn.
 */
export function alignMatrix(result: MatrixSeries[], start: number, end: number, step: number): ChartData {
  const count = Math.max(1, Math.floor((end - start) / step) + 1);
  const x = Array.from({ length: count }, (_, i) => start + i * step);
  const series = result.map((s) => {
    const values: Array<number | null> = new Array(count).fill(null);
    for (const [t, v] of s.values) {
      const i = Math.round((t - start) / step);
      const n = parseValue(v);
      if (i >= 0 && i < count && n !== null && Number.isFinite(n)) values[i] = n;
    }
    return { label: seriesLabel(s.metric), values };
  });
  return { x, series };
}

export interface TableRow {
  key: string;
  label: string;
  value: string;
}

/** Rows of the table view: one per series (by label), or the single scalar/string value. */
export function tableRows(data: QueryData): TableRow[] {
  switch (data.resultType) {
    case 'vector':
      return data.result
        .map((s) => ({ key: seriesLabel(s.metric), label: seriesLabel(s.metric), value: s.value[1] }))
        .sort((a, b) => a.label.localeCompare(b.label));
    case 'matrix':
      return data.result.map((s) => ({
        key: seriesLabel(s.metric),
        label: seriesLabel(s.metric),
        value: s.values.map(([t, v]) => `${v} @${t}`).join('\n'),
      }));
    case 'scalar':
      return [{ key: 'scalar', label: 'scalar', value: data.result[1] }];
    case 'string':
      return [{ key: 'string', label: 'string', value: data.result[1] }];
  }
}

/** A value for reading: up to 6 significant digits, no exponent below 1e15. */
export function formatSampleValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const abs = Math.abs(v);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e15)) return v.toExponential(3);
  return String(Number(v.toPrecision(6)));
}
