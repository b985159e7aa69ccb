import { describe, expect, it } from 'vitest';
import { alignMatrix, chooseStep, formatSampleValue, formatStep, parseValue, seriesLabel, tableRows } from './promql';

const at = (iso: string) => new Date(iso);

describe('chooseStep', () => {
  it('gives between 400 and 1000 points over every range from an hour to a week', () => {
    for (const hours of [1, 3, 6, 12, 24, 48, 72, 168]) {
      const from = at('2026-11-21T00:00:00Z');
      const to = new Date(from.getTime() + hours * 3_600_000);
      const step = chooseStep(from, to);
      const points = (hours * 3600) / step;
      expect(points, `${hours}h at ${step}s`).toBeLessThanOrEqual(1000);
      expect(points, `${hours}h at ${step}s`).toBeGreaterThanOrEqual(400);
    }
  });

  it('picks round steps and never goes below a second', () => {
    expect(chooseStep(at('2026-11-21T00:00:00Z'), at('2026-11-21T01:00:00Z'))).toBe(5);
    expect(chooseStep(at('2026-11-21T00:00:00Z'), at('2026-11-22T00:00:00Z'))).toBe(120);
    expect(chooseStep(at('2026-11-21T00:00:00Z'), at('2026-11-21T00:05:00Z'))).toBe(1);
  });

  it('writes steps as Prometheus durations', () => {
    expect([15, 120, 3600, 86400, 90].map(formatStep)).toEqual(['15s', '2m', '1h', '1d', '90s']);
  });
});

describe('seriesLabel', () => {
  it('prints series as Prometheus does, labels sorted and escaped', () => {
    expect(seriesLabel({ __name__: 'up', job: 'api', instance: 'a:1' })).toBe('up{instance="a:1", job="api"}');
    expect(seriesLabel({ path: 'C:\\tmp "x"' })).toBe('{path="C:\\\\tmp \\"x\\""}');
    expect(seriesLabel({ __name__: 'up' })).toBe('up');
    expect(seriesLabel({})).toBe('{}');
  });
});

describe('alignMatrix', () => {
  it('puts every series on one grid with gaps where samples are missing or not drawable', () => {
    const data = alignMatrix(
      [
        { metric: { __name__: 'a' }, values: [[100, '1'], [130, '3']] },
        { metric: { __name__: 'b' }, values: [[115, 'NaN'], [130, '+Inf'], [145, '2.5']] },
      ],
      100,
      145,
      15,
    );
    expect(data.x).toEqual([100, 115, 130, 145]);
    expect(data.series).toEqual([
      { label: 'a', values: [1, null, 3, null] },
      { label: 'b', values: [null, null, null, 2.5] },
    ]);
  });
});

describe('tableRows', () => {
  it('lists vector samples by label and shows scalars as one row', () => {
    const rows = tableRows({
      resultType: 'vector',
      result: [
        { metric: { __name__: 'up', job: 'b' }, value: [1, '0'] },
        { metric: { __name__: 'up', job: 'a' }, value: [1, '1'] },
      ],
    });
    expect(rows.map((r) => [r.label, r.value])).toEqual([
      ['up{job="a"}', '1'],
      ['up{job="b"}', '0'],
    ]);
    expect(tableRows({ resultType: 'scalar', result: [1, '42'] })).toEqual([{ key: 'scalar', label: 'scalar', value: '42' }]);
  });
});

describe('values', () => {
  it('parses Prometheus encodings and formats for reading', () => {
    expect(parseValue('NaN')).toBeNull();
    expect(parseValue('-Inf')).toBe(-Infinity);
    expect(parseValue('0.25')).toBe(0.25);
    expect(formatSampleValue(0.1 + 0.2)).toBe('0.3');
    expect(formatSampleValue(1234567.891)).toBe('1234570');
    expect(formatSampleValue(0.00001234)).toBe('1.234e-5');
  });
});
