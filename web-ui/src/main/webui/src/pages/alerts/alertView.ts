/** How alerts are shown: state colours and order, their issue link, value and summary. */
import { matchesAll, type Labels, type Matcher } from './matchers';
import type { Alert, AlertState } from './types';

export const STATE_COLOR: Record<AlertState | 'inactive', string> = {
  firing: 'red',
  pending: 'yellow',
  resolved: 'green',
  inactive: 'gray',
};

const ORDER: Record<AlertState, number> = { firing: 0, pending: 1, resolved: 2 };

/** Firing first, then pending, then resolved; the longest-active first within a state. */
export function sortAlerts(alerts: Alert[]): Alert[] {
  return [...alerts].sort((a, b) => ORDER[a.state] - ORDER[b.state] || Date.parse(a.activeAt) - Date.parse(b.activeAt) || a.ruleName.localeCompare(b.ruleName));
}

export function filterAlerts(alerts: Alert[], matchers: Matcher[]): Alert[] {
  return matchers.length ? alerts.filter((a) => matchesAll(matchers, a.labels)) : alerts;
}

/** The issue an error-rule alert is about, when its labels carry issue_id. */
export function issueIdOf(labels: Labels): string | null {
  const id = labels.issue_id;
  return id && /^\d+$/.test(id) ? id : null;
}

/** The line to show under an alert: summary, else description, else message. */
export function summaryOf(annotations: Labels | undefined): string | null {
  if (!annotations) return null;
  return annotations.summary || annotations.description || annotations.message || null;
}

/** A sample value as Prometheus's UI shows it: up to 6 significant digits, NaN and ±Inf spelled out. */
export function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return String(Number(value.toPrecision(6)));
}

/** Counts of firing and pending alerts per rule key prefix ("group:12/HighLatency" → rule HighLatency of group 12). */
export function countByRule(alerts: Alert[]): Map<string, { firing: number; pending: number }> {
  const counts = new Map<string, { firing: number; pending: number }>();
  for (const a of alerts) {
    if (a.state === 'resolved') continue;
    const key = ruleCountKey(a.ruleKey, a.ruleName);
    const c = counts.get(key) ?? { firing: 0, pending: 0 };
    c[a.state] += 1;
    counts.set(key, c);
  }
  return counts;
}

/** The key countByRule files an alert under: "group:<id>" plus the rule's name. */
export function ruleCountKey(ruleKey: string, ruleName: string): string {
  return `${ruleKey.split('/')[0]}|${ruleName}`;
}
