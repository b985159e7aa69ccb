import { describe, expect, it } from 'vitest';
import { emptyGroup, formToGroup, groupToForm, groupToYaml, storedGroupJson, yamlToGroup } from './ruleForm';
import type { RuleGroup, RuleGroupJson } from './types';

const group: RuleGroupJson = {
  name: 'api',
  interval: '30s',
  rules: [
    {
      alert: 'APIHighErrorRate',
      expr: 'sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m])) > 0.05',
      for: '10m',
      labels: { severity: 'critical' },
      annotations: { summary: 'API error rate {{ $value | humanizePercentage }}', description: 'Line one\nline two' },
    },
    { record: 'job:http_requests:rate5m', expr: 'sum by (job) (rate(http_requests_total[5m]))' },
  ],
};

describe('the rule-group form', () => {
  it('turns a group into fields and back unchanged', () => {
    const form = groupToForm(group);
    expect(form.rules.map((r) => r.kind)).toEqual(['alert', 'record']);
    expect(form.rules[0].labels).toEqual([{ key: 'severity', value: 'critical' }]);
    expect(formToGroup(form)).toEqual({ group, errors: [] });
  });

  it('leaves out what is empty: interval, limit 0, blank label rows, for of a recording rule', () => {
    const form = groupToForm(group);
    form.interval = '';
    form.rules[0].labels.push({ key: '', value: '' });
    form.rules[1].for = '5m';
    const out = formToGroup(form).group!;
    expect(out).not.toHaveProperty('interval');
    expect(out).not.toHaveProperty('limit');
    expect(out.rules[0].labels).toEqual({ severity: 'critical' });
    expect(out.rules[1]).toEqual(group.rules[1]);
  });

  it('names each problem like promtool, by rule number and name', () => {
    const form = emptyGroup();
    form.rules[0].name = 'Slow';
    form.rules[0].for = '5 minutes';
    form.rules[0].labels = [
      { key: 'team', value: 'a' },
      { key: 'team', value: 'b' },
      { key: 'bad-name', value: 'x' },
    ];
    form.rules.push({ ...form.rules[0], kind: 'record', name: 'not a metric', expr: 'up', labels: [] });
    expect(formToGroup(form).errors).toEqual([
      'The group needs a name',
      'rule 1 (Slow): expr is empty',
      'rule 1 (Slow) labels: "team" appears twice',
      'rule 1 (Slow) labels: "bad-name" is not a valid label name',
      'rule 1 (Slow) for: "5 minutes" is not a duration like 30s, 5m or 1h',
      'rule 2 (not a metric): "not a metric" is not a valid metric name',
    ]);
  });

  it('writes YAML that reads back to the same group, multi-line annotations included', () => {
    const yaml = groupToYaml(group);
    expect(yaml).toContain('alert: APIHighErrorRate');
    expect(yaml).toContain('for: 10m');
    expect(yamlToGroup(yaml)).toEqual({ group, errors: [] });
  });

  it('accepts a rule file with exactly one group, and explains anything else', () => {
    const file = 'groups:\n  - name: api\n    rules:\n      - alert: Down\n        expr: up == 0\n        for: 1m\n';
    expect(yamlToGroup(file)).toEqual({ group: { name: 'api', rules: [{ alert: 'Down', expr: 'up == 0', for: '1m' }] }, errors: [] });
    expect(yamlToGroup('groups:\n  - name: a\n    rules: []\n  - name: b\n    rules: []').errors[0]).toMatch(/one group/);
    expect(yamlToGroup('name: x\nrules: [').errors[0]).toMatch(/^YAML: /);
    expect(yamlToGroup('- a\n- b').errors).toEqual(['Expected a group with name and rules']);
    expect(yamlToGroup('name: x').errors).toEqual(['The group needs a list of rules under "rules:"']);
  });

  it('keeps durations written as numbers-looking text as text', () => {
    const out = yamlToGroup('name: g\ninterval: 1m\nlimit: 10\nrules:\n  - alert: A\n    expr: up == 0\n    for: 0s\n    labels: {code: 500}');
    expect(out.group).toEqual({ name: 'g', interval: '1m', limit: 10, rules: [{ alert: 'A', expr: 'up == 0', for: '0s', labels: { code: '500' } }] });
  });

  it('strips the server bookkeeping from a stored group and reads intervals given in seconds', () => {
    const stored: RuleGroup = {
      id: 4,
      namespace: 'rules',
      name: 'api',
      interval: 30,
      limit: 0,
      rules: [{ ...group.rules[0], health: 'ok', lastError: null }, { ...group.rules[1], health: 'err', lastError: 'boom' }],
      version: 3,
      updatedAt: '2026-01-01T00:00:00Z',
      lastEvaluationAt: null,
      lastEvaluationMs: null,
      lastError: null,
    };
    expect(storedGroupJson(stored)).toEqual(group);
  });
});
