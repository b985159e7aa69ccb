import { formatRate } from '../../lib/format';
import type { RedFigures } from './api';

/** Sorting and colouring of RED figures (rate, errors, duration) for the services and operations tables. */
export const RED_SORTS = {
  name: 'Name',
  requestRate: 'Requests',
  errorRate: 'Error rate',
  p50Ms: 'p50',
  p95Ms: 'p95',
  p99Ms: 'p99',
  spanCount: 'Spans',
} as const;
export type RedSort = keyof typeof RED_SORTS;

export interface RedOrder {
  key: RedSort;
  desc: boolean;
}

/** The URL's `sort`: a key, "-" in front for descending; busiest first when absent or unknown. */
export function parseRedOrder(text: string | null): RedOrder {
  const desc = text?.startsWith('-') ?? false;
  const key = (text ?? '').replace(/^-/, '');
  return key in RED_SORTS ? { key: key as RedSort, desc } : { key: 'requestRate', desc: true };
}

export function formatRedOrder(order: RedOrder): string {
  return `${order.desc ? '-' : ''}${order.key}`;
}

/** Clicking a column: the same column flips direction; a new one starts descending (names ascending). */
export function nextRedOrder(current: RedOrder, key: RedSort): RedOrder {
  if (current.key === key) return { key, desc: !current.desc };
  return { key, desc: key !== 'name' };
}

/** Sorted copy; missing percentiles sort last either way, ties by name. */
export function sortRed(rows: RedFigures[], key: RedSort, desc: boolean): RedFigures[] {
  const sign = desc ? -1 : 1;
  return [...rows].sort((a, b) => {
    if (key === 'name') return sign * a.name.localeCompare(b.name);
    const x = a[key];
    const y = b[key];
    if (x === null && y === null) return a.name.localeCompare(b.name);
    if (x === null) return 1;
    if (y === null) return -1;
    return sign * (x - y) || a.name.localeCompare(b.name);
  });
}

/** Traffic-light colour of an error rate (Mantine colour name): green below 0.1 %, red from 5 %. */
export function errorRateColor(rate: number | null | undefined): 'gray' | 'green' | 'yellow' | 'red' {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return 'gray';
  if (rate < 0.001) return 'green';
  if (rate < 0.05) return 'yellow';
  return 'red';
}

/** formatRate, except that a trickle reads "<0.1/min" instead of "0.0/min". */
export function formatRequestRate(perSecond: number | null | undefined): string {
  if (perSecond && perSecond * 60 < 0.1) return '<0.1/min';
  return formatRate(perSecond);
}
