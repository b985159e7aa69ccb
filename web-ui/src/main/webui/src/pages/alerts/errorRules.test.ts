import { describe, expect, it } from 'vitest';
import { describeErrorRule, errorRuleToForm, formToErrorRule } from './errorRules';
import type { ErrorRule } from './types';

const frequent: ErrorRule = {
  id: 2,
  name: 'Noisy issue',
  trigger: 'frequency',
  threshold: 5,
  windowSeconds: 600,
  environment: 'production',
  minLevel: 'error',
  labels: { severity: 'warning' },
  enabled: true,
};

describe('error rules', () => {
  it('say in one line when they fire', () => {
    expect(describeErrorRule(frequent)).toBe('Issue seen ≥ 5 times in 10m · production · error and above');
    expect(describeErrorRule({ ...frequent, trigger: 'new_issue', environment: null, minLevel: null })).toBe('New issue');
    expect(describeErrorRule({ ...frequent, trigger: 'volume', threshold: 1000, windowSeconds: 300, minLevel: 'fatal' })).toBe('≥ 1000 events in 5m · production · fatal only');
    expect(describeErrorRule({ ...frequent, threshold: 1, windowSeconds: 60 })).toMatch(/^Issue seen ≥ 1 time in 1m/);
  });

  it('round-trip through the form with the window in minutes', () => {
    const { id, ...input } = frequent;
    expect(id).toBe(2);
    expect(formToErrorRule(errorRuleToForm(frequent))).toEqual({ errors: [], body: input });
  });

  it('default to alerting on every new error', () => {
    const { body } = formToErrorRule({ ...errorRuleToForm(), name: 'New errors' });
    expect(body).toEqual({ name: 'New errors', trigger: 'new_issue', threshold: 1, windowSeconds: 60, environment: null, minLevel: 'error', labels: { severity: 'error' }, enabled: true });
  });

  it('check threshold, window and labels for counting triggers', () => {
    const form = { ...errorRuleToForm(frequent), threshold: 0, windowMinutes: 0.5, labels: [{ key: 'a b', value: 'x' }] };
    expect(formToErrorRule(form).errors).toEqual([
      'The threshold must be a whole number of at least 1',
      'The window must be at least 1 minute',
      '"a b" is not a valid label name',
    ]);
    expect(formToErrorRule({ ...form, trigger: 'regression', labels: [] }).errors).toEqual([]);
    expect(formToErrorRule({ ...form, threshold: 1, windowMinutes: 20_000, labels: [{ key: 'alertname', value: 'x' }] }).errors).toEqual([
      'The window can be at most a week (10080 minutes)',
      "alertname is the rule's name; it cannot be set as a label",
    ]);
  });
});
