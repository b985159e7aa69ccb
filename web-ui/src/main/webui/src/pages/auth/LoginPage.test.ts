import { describe, expect, it } from 'vitest';
import { safeNext } from './LoginPage';

describe('where a login returns to', () => {
  it('follows paths of this site', () => {
    expect(safeNext('/projects/3/traces/abc?span=1')).toBe('/projects/3/traces/abc?span=1');
  });

  it('never leaves the site, whatever ?next= says', () => {
    for (const next of ['https://evil.example/', '//evil.example/x', 'javascript:alert(1)', '', null]) {
      expect(safeNext(next)).toBe('/');
    }
  });
});
