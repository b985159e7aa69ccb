import { describe, expect, it } from 'vitest';
import { formatMatchers, matchersFromLabels, matchesAll, parseMatchers, quoteValue, tryParseMatchers } from './matchers';

describe('label matchers', () => {
  it('builds a silence from an alert: alertname first, then labels by name, values escaped', () => {
    const labels = { severity: 'critical', alertname: 'HighLatency', path: '/api "v2"\\x', instance: 'a:9090' };
    const matchers = matchersFromLabels(labels);
    expect(matchers.map((m) => m.name)).toEqual(['alertname', 'instance', 'path', 'severity']);
    expect(formatMatchers(matchers)).toBe('{alertname="HighLatency",instance="a:9090",path="/api \\"v2\\"\\\\x",severity="critical"}');
  });

  it('leaves out labels asked to be omitted and writes nothing for no matchers', () => {
    expect(matchersFromLabels({ alertname: 'X', issue_id: '7' }, ['issue_id'])).toEqual([{ name: 'alertname', type: '=', value: 'X' }]);
    expect(formatMatchers([])).toBe('');
  });

  it('reads what it writes, including escapes and newlines', () => {
    const matchers = [
      { name: 'a', type: '=' as const, value: 'say "hi"\nback\\slash' },
      { name: 'b', type: '!~' as const, value: 'x|y.*' },
    ];
    expect(parseMatchers(formatMatchers(matchers))).toEqual(matchers);
    expect(quoteValue('a\nb')).toBe('"a\\nb"');
  });

  it('reads Alertmanager-style input: no braces, single quotes, bare words, spaces', () => {
    expect(parseMatchers(" severity = 'critical' , team=~`db|api`, env!=prod ")).toEqual([
      { name: 'severity', type: '=', value: 'critical' },
      { name: 'team', type: '=~', value: 'db|api' },
      { name: 'env', type: '!=', value: 'prod' },
    ]);
    expect(parseMatchers('{}')).toEqual([]);
    expect(parseMatchers('')).toEqual([]);
  });

  it('says what is wrong', () => {
    expect(tryParseMatchers('{a="1"').error).toMatch(/closing/);
    expect(tryParseMatchers('{1a="x"}').error).toMatch(/label name at position 1/);
    expect(tryParseMatchers('{a~"x"}').error).toMatch(/expected =, !=, =~ or !~ after "a"/);
    expect(tryParseMatchers('{a="x}').error).toMatch(/unterminated/);
    expect(tryParseMatchers('{a="x" b="y"}').error).toMatch(/expected ","/);
    expect(tryParseMatchers('{a=~"("}').error).toMatch(/not a valid regular expression/);
  });

  it('matches like Prometheus: anchored regexes, missing labels read as empty', () => {
    const labels = { alertname: 'HighLatency', service: 'api-gateway' };
    expect(matchesAll(parseMatchers('{service=~"api"}'), labels)).toBe(false);
    expect(matchesAll(parseMatchers('{service=~"api.*"}'), labels)).toBe(true);
    expect(matchesAll(parseMatchers('{service!~"api.*"}'), labels)).toBe(false);
    expect(matchesAll(parseMatchers('{team=""}'), labels)).toBe(true);
    expect(matchesAll(parseMatchers('{team!=""}'), labels)).toBe(false);
    expect(matchesAll(parseMatchers('{alertname="HighLatency",service!="web"}'), labels)).toBe(true);
    expect(matchesAll(parseMatchers('{x=~"a|"}'), labels)).toBe(true);
  });
});
