import { describe, expect, it } from 'vitest';
import { firstLine, formatStep, highlightParts, searchWords } from './logFormat';

describe('highlightParts', () => {
  it('marks every occurrence of each word, case-insensitively', () => {
    expect(highlightParts('Payment declined: payment failed', ['PAYMENT', 'failed'])).toEqual([
      { text: 'Payment', match: true },
      { text: ' declined: ', match: false },
      { text: 'payment', match: true },
      { text: ' ', match: false },
      { text: 'failed', match: true },
    ]);
  });

  it('prefers the longer word where two start at the same place', () => {
    expect(highlightParts('timeout', ['time', 'timeout'])).toEqual([{ text: 'timeout', match: true }]);
  });

  it('returns the text whole without words or matches', () => {
    expect(highlightParts('abc', [])).toEqual([{ text: 'abc', match: false }]);
    expect(highlightParts('abc', ['x'])).toEqual([{ text: 'abc', match: false }]);
    expect(searchWords('  payment   declined ')).toEqual(['payment', 'declined']);
  });
});

describe('formatting', () => {
  it('names bucket sizes in the largest whole unit', () => {
    expect([30, 60, 300, 7200, 86_400, 90].map(formatStep)).toEqual(['30s', '1m', '5m', '2h', '1d', '90s']);
  });

  it('cuts a multi-line body to its first line', () => {
    expect(firstLine('Traceback:\n  at x')).toEqual({ line: 'Traceback:', more: true });
    expect(firstLine('one line')).toEqual({ line: 'one line', more: false });
  });
});
