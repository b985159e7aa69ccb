import { describe, expect, it } from 'vitest';
import { namespaceError, namespaceFromFileName, summarizeRuleFile } from './ruleFile';

describe('a rule file before import', () => {
  it('takes its namespace from the file name', () => {
    expect(namespaceFromFileName('api-alerts.rules.yml')).toBe('api-alerts.rules');
    expect(namespaceFromFileName('C:\\rules\\node.yaml')).toBe('node');
    expect(namespaceError('')).toMatch(/Name the namespace/);
    expect(namespaceError('a/b')).toMatch(/starting with a letter or digit/);
    expect(namespaceError('.hidden')).toMatch(/starting with a letter or digit/);
    expect(namespaceFromFileName('my rules (old).yaml')).toBe('my_rules__old_');
    expect(namespaceError('node_exporter.rules')).toBeNull();
  });

  it('counts groups and rules', () => {
    const file = `groups:
  - name: api
    rules:
      - alert: A
        expr: up == 0
      - record: job:up:sum
        expr: sum by (job) (up)
  - name: db
    rules:
      - alert: B
        expr: pg_up == 0
`;
    expect(summarizeRuleFile(file)).toEqual({ groups: 2, alerting: 2, recording: 1 });
  });

  it('reports a YAML error with its place, and a file without groups', () => {
    expect(summarizeRuleFile('groups:\n  - name: [').error).toMatch(/^YAML: .*line 2/s);
    expect(summarizeRuleFile('rules: []').error).toMatch(/groups:/);
    expect(summarizeRuleFile('  ').error).toMatch(/Paste/);
  });
});
