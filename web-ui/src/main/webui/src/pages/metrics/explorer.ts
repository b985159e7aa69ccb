import type { MetricMetadata } from './api';
import { metadataOf } from './api';

export interface ExplorerEntry {
  name: string;
  type: string;
  unit: string;
  help: string;
}

/**
 * The explorer's rows: metric names joined with their metadata, filtered by every whitespace-separated
 * word of `filter` (case-insensitive, in the name or the help text), names matching in the name first.
 */
export function explorerEntries(names: string[], metadata: Record<string, MetricMetadata[]> | undefined, filter: string): ExplorerEntry[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const entries = names.map((name) => {
    const m = metadataOf(metadata, name);
    return { name, type: m?.type ?? '', unit: m?.unit ?? '', help: m?.help ?? '' };
  });
  if (words.length === 0) return entries;
  const matching = entries.filter((e) => words.every((w) => e.name.toLowerCase().includes(w) || e.help.toLowerCase().includes(w)));
  const inName = (e: ExplorerEntry) => words.every((w) => e.name.toLowerCase().includes(w));
  return [...matching.filter(inName), ...matching.filter((e) => !inName(e))];
}

/** What clicking a metric puts into the query: the name, or a rate over it for counters and histogram buckets. */
export function insertionFor(entry: ExplorerEntry, currentQuery: string): string {
  if (currentQuery.trim() !== '') return entry.name;
  if (entry.type === 'histogram' && entry.name.endsWith('_bucket')) {
    return `histogram_quantile(0.95, sum by (le) (rate(${entry.name}[5m])))`;
  }
  if (entry.type === 'counter' || entry.name.endsWith('_total') || entry.name.endsWith('_count') || entry.name.endsWith('_sum')) {
    return `rate(${entry.name}[5m])`;
  }
  return entry.name;
}
