import { describe, expect, it } from 'vitest';
import { toEpochMicros } from './timestamps';
import { serviceColor, serviceHue } from './serviceColors';

describe('span timestamps', () => {
  it('keeps microseconds of nanosecond timestamps', () => {
    const a = toEpochMicros('2026-12-01T15:59:14.945224154Z');
    const b = toEpochMicros('2026-12-01T15:59:14.945225999Z');
    expect(b - a).toBe(1);
    expect(Math.floor(a / 1000)).toBe(Date.parse('2026-12-01T15:59:14.945Z'));
  });

  it('reads timestamps without a fraction or with an offset', () => {
    expect(toEpochMicros('2026-12-01T15:59:14Z')).toBe(Date.parse('2026-12-01T15:59:14Z') * 1000);
    expect(toEpochMicros('2026-12-01T16:59:14.5+01:00')).toBe(Date.parse('2026-12-01T15:59:14.5Z') * 1000);
  });
});

describe('service colours', () => {
  it('gives a service the same colour every time and never the error red', () => {
    expect(serviceColor('checkout')).toBe(serviceColor('checkout'));
    const names = Array.from({ length: 200 }, (_, i) => `svc-${i}`);
    expect(names.some((n) => serviceHue(n).hue === ('red' as string))).toBe(false);
    expect(new Set(names.map(serviceColor)).size).toBeGreaterThan(20);
  });
});
