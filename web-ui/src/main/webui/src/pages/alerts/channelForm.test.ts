import { describe, expect, it } from 'vitest';
import { channelTarget, channelToForm, channelWithChange, formToChannel, groupingText, isMasked } from './channelForm';
import type { Channel } from './types';

const discord: Channel = {
  id: 3,
  name: '#alerts',
  type: 'discord',
  settings: { url: 'https://discord.com/…abcd' },
  matchers: '{severity="critical"}',
  groupBy: ['alertname'],
  groupWaitSeconds: 30,
  groupIntervalSeconds: 300,
  repeatIntervalSeconds: 14_400,
  sendResolved: true,
  enabled: true,
};

describe('the channel form', () => {
  it('recognises the masked values the API answers', () => {
    expect(isMasked('https://discord.com/…abcd')).toBe(true);
    expect(isMasked('…')).toBe(true);
    expect(isMasked('https://hooks.slack.com/services/T0/B0/x')).toBe(false);
    expect(isMasked(undefined)).toBe(false);
  });

  it('never puts a masked URL in the field, and shows intervals as durations', () => {
    const form = channelToForm(discord);
    expect(form.url).toBe('');
    expect([form.groupWait, form.groupInterval, form.repeatInterval]).toEqual(['30s', '5m', '4h']);
  });

  it('keeps the stored URL when an edit leaves the field empty', () => {
    const { body, errors } = formToChannel({ ...channelToForm(discord), name: '#oncall' }, discord);
    expect(errors).toEqual({});
    expect(body).toMatchObject({ name: '#oncall', settings: {}, groupWaitSeconds: 30, groupIntervalSeconds: 300, repeatIntervalSeconds: 14_400 });
  });

  it('asks for a URL when the type changes or the channel is new', () => {
    expect(formToChannel({ ...channelToForm(discord), type: 'slack' }, discord).errors.url).toBe('The webhook URL is required');
    expect(formToChannel({ ...channelToForm(), name: 'x' }).errors.url).toBe('The webhook URL is required');
    expect(formToChannel({ ...channelToForm(), name: 'x', url: 'discord.com/api' }).errors.url).toBe('Must be an http(s) URL');
  });

  it('builds per-type settings: webhook URL and secret, email recipients', () => {
    const webhook = formToChannel({ ...channelToForm(), name: 'hook', type: 'webhook', url: ' http://localhost:9999/hook ', secret: 's3cret' });
    expect(webhook.body?.settings).toEqual({ url: 'http://localhost:9999/hook', secret: 's3cret' });
    const stored: Channel = { ...discord, type: 'webhook', settings: { url: 'http://localhost:9999/…hook', hasSecret: true } };
    expect(formToChannel({ ...channelToForm(stored), removeSecret: true }, stored).body?.settings).toEqual({ secret: null });
    expect(formToChannel(channelToForm(stored), stored).body?.settings).toEqual({});
    const email = formToChannel({ ...channelToForm(), name: 'mail', type: 'email', to: ['oncall@example.com', ' dev@example.org'] });
    expect(email.body?.settings).toEqual({ to: ['oncall@example.com', 'dev@example.org'] });
    expect(formToChannel({ ...channelToForm(), name: 'mail', type: 'email', to: ['not-an-address'] }).errors.to).toBe('Not an email address: not-an-address');
  });

  it('checks matchers and durations field by field', () => {
    const { errors } = formToChannel({ ...channelToForm(discord), matchers: '{severity=', groupWait: 'soon', groupInterval: '0s' }, discord);
    expect(Object.keys(errors).sort()).toEqual(['groupInterval', 'groupWait', 'matchers']);
    expect(formToChannel({ ...channelToForm(discord), groupBy: ['...', 'alertname'] }, discord).errors.groupBy).toMatch(/cannot be combined/);
    expect(formToChannel({ ...channelToForm(discord), groupBy: ['service-name'] }, discord).errors.groupBy).toBe('Not a label name: service-name');
  });

  it('sends a stored channel back with one change and without masked values', () => {
    const withSecret: Channel = { ...discord, type: 'webhook', settings: { url: 'https://example.com/…hook', hasSecret: true } };
    const body = channelWithChange(withSecret, { enabled: false });
    expect(body).not.toHaveProperty('id');
    expect(body.settings).toEqual({});
    expect(body.enabled).toBe(false);
  });

  it('describes targets and grouping', () => {
    expect(channelTarget({ type: 'email', settings: { to: ['a@x.io', 'b@x.io'] } })).toBe('a@x.io, b@x.io');
    expect(channelTarget({ type: 'email', settings: { to: 'a@x.io,b@x.io' } })).toBe('a@x.io, b@x.io');
    expect(channelTarget(discord)).toBe('https://discord.com/…abcd');
    expect(groupingText([])).toBe('one notification for all alerts');
    expect(groupingText(['...'])).toBe('each alert on its own');
    expect(groupingText(['alertname', 'service'])).toBe('by alertname, service');
  });
});
