import { describe, expect, it } from 'vitest';
import {
  breadcrumbList,
  crumbText,
  exceptionValues,
  messageText,
  pairs,
  queryPairs,
  relativeToEvent,
  standaloneStacktrace,
  timestampMillis,
} from './sentryEvent';

describe('reading Sentry event fields in every shape SDKs send', () => {
  it('reads tags and headers as objects, pairs or key/value records', () => {
    // sentry-python's normalized tags are pairs; @sentry/node sends an object.
    expect(pairs([['customer_tier', 'free']])).toEqual([['customer_tier', 'free']]);
    expect(pairs({ 'Content-Type': 'application/json' })).toEqual([['Content-Type', 'application/json']]);
    expect(pairs([{ key: 'browser', value: 'Chrome' }])).toEqual([['browser', 'Chrome']]);
    expect(pairs(null)).toEqual([]);
    expect(pairs('nonsense')).toEqual([]);
  });

  it('splits a query string given as text, and keeps pairs', () => {
    expect(queryPairs('src=web&n=2')).toEqual([
      ['src', 'web'],
      ['n', '2'],
    ]);
    expect(queryPairs('?a=%20b')).toEqual([['a', ' b']]);
    expect(queryPairs([['page', '3']])).toEqual([['page', '3']]);
  });

  it('finds the exception chain under values or as a bare list', () => {
    const cause = { type: 'JSONDecodeError', value: 'Expecting value' };
    const outer = { type: 'ValueError', value: 'invalid order payload' };
    expect(exceptionValues({ exception: { values: [cause, outer] } })).toEqual([cause, outer]);
    expect(exceptionValues({ exception: [outer] })).toEqual([outer]);
    expect(exceptionValues({})).toEqual([]);
  });

  it('falls back to a crashed or current thread for a stack trace outside exceptions', () => {
    const frames = [{ function: 'run' }];
    expect(standaloneStacktrace({ threads: { values: [{ current: false }, { current: true, stacktrace: { frames } }] } })?.frames).toBe(frames);
    expect(standaloneStacktrace({ stacktrace: { frames } })?.frames).toBe(frames);
    expect(standaloneStacktrace({ threads: { values: [{ crashed: true, stacktrace: { frames: [] } }] } })).toBeNull();
  });

  it('reads breadcrumbs under values or as a list', () => {
    expect(breadcrumbList({ breadcrumbs: { values: [{ message: 'a' }] } })).toHaveLength(1);
    expect(breadcrumbList({ breadcrumbs: [{ message: 'a' }, { message: 'b' }] })).toHaveLength(2);
    expect(breadcrumbList({})).toEqual([]);
  });

  it('reads timestamps as epoch seconds or ISO text', () => {
    expect(timestampMillis(1796141039.772)).toBeCloseTo(1796141039772, 0);
    expect(timestampMillis('1796141039.5')).toBe(1796141039500);
    expect(timestampMillis('2026-12-01T16:03:59.831Z')).toBe(Date.parse('2026-12-01T16:03:59.831Z'));
    expect(timestampMillis('yesterday')).toBeNull();
    expect(timestampMillis(undefined)).toBeNull();
  });

  it('says how long before the event a breadcrumb happened', () => {
    expect(relativeToEvent(1000, 2250)).toBe('-1.25s');
    expect(relativeToEvent(0, 182_000)).toBe('-3m 02s');
    expect(relativeToEvent(2000, 2000)).toBe('0.00s');
    expect(relativeToEvent(1998, 2000)).toBe('0.00s');
    expect(relativeToEvent(3_000, 2_000)).toBe('+1.00s');
    expect(relativeToEvent(null, 2000)).toBe('');
  });

  it('reads the message from logentry, a message object or plain text', () => {
    expect(messageText({ logentry: { formatted: 'order 3 parsed', message: 'order %s parsed' } })).toBe('order 3 parsed');
    expect(messageText({ message: { message: 'disk full' } })).toBe('disk full');
    expect(messageText({ message: 'plain' })).toBe('plain');
    expect(messageText({})).toBeNull();
  });
});

describe('breadcrumb text', () => {
  it('reads HTTP breadcrumbs like a request log and other data as key=value', () => {
    expect(crumbText({ type: 'http', category: 'httplib', data: { method: 'GET', url: 'http://127.0.0.1:9/inventory', status_code: 503 } })).toBe(
      'GET http://127.0.0.1:9/inventory → 503',
    );
    expect(crumbText({ category: 'auth', message: 'user 1 authenticated' })).toBe('user 1 authenticated');
    expect(crumbText({ category: 'query', message: 'SELECT 1', data: { rows: 1, db: 'shop' } })).toBe('SELECT 1  rows=1 db=shop');
    expect(crumbText({})).toBe('');
  });
});
