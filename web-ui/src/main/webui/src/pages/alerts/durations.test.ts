import { describe, expect, it } from 'vitest';
import { durationText, formatDuration, parseDuration, secondsOf } from './durations';

describe('Prometheus durations', () => {
  it('parses what rule files and Alertmanager configs write', () => {
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('5m')).toBe(300_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('2d')).toBe(172_800_000);
    expect(parseDuration('1w')).toBe(604_800_000);
    expect(parseDuration('1m500ms')).toBe(60_500);
    expect(parseDuration('0')).toBe(0);
    expect(parseDuration(' 4h ')).toBe(14_400_000);
  });

  it('rejects what Prometheus rejects', () => {
    for (const bad of ['', '5', 'm', '1.5h', '30m1h', '5 m', '-5m', '1hh', '5M']) expect(parseDuration(bad), bad).toBeNull();
  });

  it('formats in the shortest spelling and round-trips', () => {
    expect(formatDuration(90_000)).toBe('1m30s');
    expect(formatDuration(14_400_000)).toBe('4h');
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(86_400_000 + 300_000)).toBe('1d5m');
    for (const text of ['30s', '5m', '1h30m', '2d', '1w', '1d2h3m4s']) expect(formatDuration(parseDuration(text)!)).toBe(text);
  });

  it('shortens to the largest parts for people', () => {
    expect(formatDuration(7_152_000, 2)).toBe('1h59m');
    expect(formatDuration(86_400_000 + 300_000, 2)).toBe('1d');
    expect(formatDuration(45_000, 2)).toBe('45s');
  });

  it('takes the API value as text or seconds', () => {
    expect(durationText('5m')).toBe('5m');
    expect(durationText(300)).toBe('5m');
    expect(durationText(null)).toBe('');
  });

  it('gives seconds for form fields or a message naming the field', () => {
    expect(secondsOf('4h', 'Repeat interval')).toEqual({ seconds: 14_400 });
    expect(secondsOf('soon', 'Group wait').error).toBe('Group wait: "soon" is not a duration like 30s, 5m or 4h');
    expect(secondsOf('1500ms', 'Group wait').error).toMatch(/whole seconds/);
  });
});
