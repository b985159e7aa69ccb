import { describe, expect, it } from 'vitest';
import { emptySilence, formToSilence, silenceForAlert, silenceTiming, toLocalInput } from './silenceForm';

const now = Date.parse('2026-03-01T12:00:00Z');

describe('the silence form', () => {
  it('pre-fills every label of an alert and lasts 2h from now by default', () => {
    const form = { ...silenceForAlert({ service: 'api', alertname: 'HighLatency' }), comment: 'deploying the fix' };
    expect(formToSilence(form, now)).toEqual({
      errors: [],
      body: { matchers: '{alertname="HighLatency",service="api"}', durationSeconds: 7200, comment: 'deploying the fix' },
    });
  });

  it('sends a chosen start with the duration', () => {
    const form = { ...silenceForAlert({ alertname: 'A' }), startsAt: toLocalInput(now + 3600_000), duration: '30m', comment: 'maintenance' };
    expect(formToSilence(form, now).body).toEqual({ matchers: '{alertname="A"}', startsAt: '2026-03-01T13:00:00.000Z', durationSeconds: 1800, comment: 'maintenance' });
  });

  it('ends at a chosen time, in the browser time zone', () => {
    const until = toLocalInput(now + 90 * 60_000);
    const form = { ...silenceForAlert({ alertname: 'A' }), mode: 'until' as const, until, comment: 'x' };
    expect(formToSilence(form, now).body?.endsAt).toBe('2026-03-01T13:30:00.000Z');
    expect(formToSilence({ ...form, until: toLocalInput(now - 60_000) }, now).errors).toEqual(['The silence must end in the future and after it starts']);
  });

  it('refuses silences that would mute everything, and asks why', () => {
    const form = { ...emptySilence(), matchers: [{ name: 'team', type: '=~' as const, value: '.*' }] };
    expect(formToSilence(form, now).errors).toEqual([
      'These matchers would silence every alert; make at least one match a non-empty value',
      'Say why (the comment is shown to whoever wonders where the alerts went)',
    ]);
    expect(formToSilence({ ...emptySilence(), comment: 'c' }, now).errors).toEqual(['Add at least one matcher']);
  });

  it('checks label names, regexes and the duration', () => {
    const form = { ...emptySilence(), matchers: [{ name: 'bad-name', type: '=~' as const, value: '(' }], duration: '2 hours', comment: 'c' };
    expect(formToSilence(form, now).errors).toEqual([
      '"bad-name" is not a valid label name',
      '"(" is not a valid regular expression',
      '"2 hours" is not a duration like 2h or 1d',
    ]);
  });

  it('says when a silence starts, ends or ended', () => {
    expect(silenceTiming('2026-03-01T11:00:00Z', '2026-03-01T13:59:00Z', now)).toBe('ends in 1h59m');
    expect(silenceTiming('2026-03-01T12:10:00Z', '2026-03-01T14:00:00Z', now)).toBe('starts in 10m');
    expect(silenceTiming('2026-02-28T00:00:00Z', '2026-03-01T09:00:00Z', now)).toBe('expired 3h ago');
  });
});
