import { describe, expect, it } from 'vitest';
import { isFiltered, listParams, nextPage, previousPage, readSearch, withFilter } from './issueSearch';

describe('issue search in the URL', () => {
  it('defaults to unresolved issues by last seen', () => {
    const search = readSearch(new URLSearchParams(''));
    expect(search).toMatchObject({ status: 'unresolved', sort: 'lastSeen', query: '', level: null, cursors: [] });
    expect(isFiltered(search)).toBe(false);
    expect(readSearch(new URLSearchParams('sort=nonsense')).sort).toBe('lastSeen');
  });

  it('builds the API parameters of the page shown', () => {
    const search = readSearch(new URLSearchParams('query=%20timeout%20&environment=production&sort=events&cursor=a&cursor=b'));
    const params = listParams(search, new Date('2026-11-08T00:00:00Z'), new Date('2026-11-22T00:00:00Z'), 25);
    expect(params).toMatchObject({
      query: 'timeout',
      status: 'unresolved',
      environment: 'production',
      level: null,
      sort: 'events',
      start: '2026-11-08T00:00:00.000Z',
      end: '2026-11-22T00:00:00.000Z',
      limit: 25,
      cursor: 'b',
    });
    expect(listParams(readSearch(new URLSearchParams('query=%20')), new Date(0), new Date(1), 25).query).toBeUndefined();
  });

  it('goes back to the first page when a filter changes, and drops default values', () => {
    const params = new URLSearchParams('range=7d&status=ignored&cursor=a&cursor=b');
    const changed = withFilter(params, 'level', 'error');
    expect(changed.get('level')).toBe('error');
    expect(changed.getAll('cursor')).toEqual([]);
    expect(changed.get('range')).toBe('7d');
    expect(withFilter(params, 'status', 'unresolved').has('status')).toBe(false);
    expect(withFilter(params, 'level', null).has('level')).toBe(false);
    expect(withFilter(params, 'query', '   ').has('query')).toBe(false);
    expect(isFiltered(readSearch(params))).toBe(true);
  });

  it('walks pages forward and back with a stack of cursors', () => {
    const first = new URLSearchParams('sort=users');
    const second = nextPage(first, 'c1');
    const third = nextPage(second, 'c2');
    expect(third.getAll('cursor')).toEqual(['c1', 'c2']);
    expect(previousPage(third).getAll('cursor')).toEqual(['c1']);
    expect(previousPage(second).getAll('cursor')).toEqual([]);
    expect(previousPage(second).get('sort')).toBe('users');
  });
});
