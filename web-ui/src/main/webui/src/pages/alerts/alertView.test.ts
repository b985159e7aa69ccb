import { describe, expect, it } from 'vitest';
import { countByRule, filterAlerts, formatValue, issueIdOf, ruleCountKey, sortAlerts, summaryOf } from './alertView';
import { parseMatchers } from './matchers';
import type { Alert } from './types';

function alert(ruleKey: string, ruleName: string, state: Alert['state'], activeAt: string, labels: Record<string, string> = {}): Alert {
  return { ruleKey, ruleName, kind: 'promql', labels: { alertname: ruleName, ...labels }, annotations: {}, state, value: 1, activeAt, firedAt: null, resolvedAt: null, silencedBy: [] };
}

const alerts = [
  alert('group:1/Latency', 'Latency', 'resolved', '2026-03-01T10:00:00Z'),
  alert('group:1/Latency', 'Latency', 'pending', '2026-03-01T11:00:00Z', { service: 'web' }),
  alert('group:1/Latency', 'Latency', 'firing', '2026-03-01T11:30:00Z', { service: 'api' }),
  alert('error:4', 'New errors', 'firing', '2026-03-01T09:00:00Z', { issue_id: '42' }),
];

describe('alerts as shown', () => {
  it('list firing first, oldest first within a state', () => {
    expect(sortAlerts(alerts).map((a) => `${a.state} ${a.ruleName}`)).toEqual(['firing New errors', 'firing Latency', 'pending Latency', 'resolved Latency']);
  });

  it('filter by label matchers', () => {
    expect(filterAlerts(alerts, parseMatchers('{service=~"api|web"}'))).toHaveLength(2);
    expect(filterAlerts(alerts, [])).toHaveLength(4);
  });

  it('count firing and pending alerts per rule', () => {
    const counts = countByRule(alerts);
    expect(counts.get(ruleCountKey('group:1', 'Latency'))).toEqual({ firing: 1, pending: 1 });
    expect(counts.get(ruleCountKey('error:4', 'New errors'))).toEqual({ firing: 1, pending: 0 });
  });

  it('link error alerts to their issue', () => {
    expect(issueIdOf({ issue_id: '42' })).toBe('42');
    expect(issueIdOf({ issue_id: 'abc' })).toBeNull();
    expect(issueIdOf({})).toBeNull();
  });

  it('show values and summaries as Prometheus does', () => {
    expect(formatValue(3)).toBe('3');
    expect(formatValue(0.123456789)).toBe('0.123457');
    expect(formatValue(NaN)).toBe('NaN');
    expect(formatValue(Infinity)).toBe('+Inf');
    expect(formatValue(1234567.891)).toBe('1234570');
    expect(summaryOf({ description: 'd', summary: 's' })).toBe('s');
    expect(summaryOf({ description: 'd' })).toBe('d');
    expect(summaryOf({})).toBeNull();
  });
});
