import { describe, expect, it } from 'vitest';
import { logVolumeSeries } from './panelData';

describe('logVolumeSeries', () => {
  it('counts every record and, separately, error and fatal ones', () => {
    expect(
      logVolumeSeries([
        { t: 60, count: 5, bySeverity: { info: 3, error: 1, fatal: 1 } },
        { t: 120, count: 0, bySeverity: {} },
      ]),
    ).toEqual({ x: [60, 120], total: [5, 0], errors: [2, 0] });
  });
});
