/**
 * The notification-channel form: per-type settings, Alertmanager-style grouping as durations, and
 * the masked secrets the API answers with (a URL the server shows masked is never sent back: an
 * empty field keeps the stored one).
 */
import { formatDuration, secondsOf } from './durations';
import { isLabelName, tryParseMatchers } from './matchers';
import type { Channel, ChannelInput, ChannelSettings, ChannelType } from './types';

export const CHANNEL_TYPES: Array<{ value: ChannelType; label: string }> = [
  { value: 'discord', label: 'Discord webhook' },
  { value: 'slack', label: 'Slack incoming webhook' },
  { value: 'webhook', label: 'Webhook (Alertmanager JSON)' },
  { value: 'email', label: 'Email' },
];

export const URL_HINTS: Record<Exclude<ChannelType, 'email'>, string> = {
  discord: 'https://discord.com/api/webhooks/<id>/<token> (Server settings → Integrations → Webhooks)',
  slack: 'https://hooks.slack.com/services/… (an incoming-webhook app)',
  webhook: 'Any http(s) URL; Vigil POSTs Alertmanager webhook JSON (version 4)',
};

export interface ChannelForm {
  name: string;
  type: ChannelType;
  /** Empty while editing = keep the stored URL. */
  url: string;
  /** Empty while editing = keep the stored secret. */
  secret: string;
  /** Remove the stored webhook secret (requests are then unsigned). */
  removeSecret: boolean;
  to: string[];
  matchers: string;
  groupBy: string[];
  groupWait: string;
  groupInterval: string;
  repeatInterval: string;
  sendResolved: boolean;
  enabled: boolean;
}

/**
 * Whether the API masked this value: a webhook URL is answered as scheme and host, "/…" and its last
 * four characters ("https://discord.com/…x9Qz"), which the server reads back as "keep the stored one".
 */
export function isMasked(value: unknown): boolean {
  return typeof value === 'string' && value.includes('…');
}

/** The addresses of an email channel (the API may answer a list or a comma-separated string). */
export function recipients(settings: ChannelSettings): string[] {
  const to = settings.to;
  if (Array.isArray(to)) return to.map(String);
  if (typeof to === 'string') return to.split(/[,\s]+/).filter(Boolean);
  return [];
}

/** Where a channel sends, for the list: the masked URL or the recipients. */
export function channelTarget(channel: Pick<Channel, 'type' | 'settings'>): string {
  if (channel.type === 'email') return recipients(channel.settings).join(', ') || '–';
  return typeof channel.settings.url === 'string' ? channel.settings.url : '–';
}

/** How a channel groups alerts, in Alertmanager's words. */
export function groupingText(groupBy: string[]): string {
  if (groupBy.length === 0) return 'one notification for all alerts';
  if (groupBy.includes('...')) return 'each alert on its own';
  return `by ${groupBy.join(', ')}`;
}

export function channelToForm(channel?: Channel): ChannelForm {
  if (!channel) {
    return {
      name: '',
      type: 'discord',
      url: '',
      secret: '',
      removeSecret: false,
      to: [],
      matchers: '',
      groupBy: ['alertname'],
      groupWait: '30s',
      groupInterval: '5m',
      repeatInterval: '4h',
      sendResolved: true,
      enabled: true,
    };
  }
  const url = typeof channel.settings.url === 'string' ? channel.settings.url : '';
  return {
    name: channel.name,
    type: channel.type,
    url: isMasked(url) ? '' : url,
    secret: '',
    removeSecret: false,
    to: recipients(channel.settings),
    matchers: channel.matchers,
    groupBy: channel.groupBy,
    groupWait: formatDuration(channel.groupWaitSeconds * 1000),
    groupInterval: formatDuration(channel.groupIntervalSeconds * 1000),
    repeatInterval: formatDuration(channel.repeatIntervalSeconds * 1000),
    sendResolved: channel.sendResolved,
    enabled: channel.enabled,
  };
}

const EMAIL = /^[^\s@,<>]+@[^\s@,<>]+\.[^\s@,<>]+$/;

export type ChannelErrors = Partial<Record<keyof ChannelForm, string>>;

/**
 * The body for POST /channels (or PUT, when `existing` is the stored channel), or the field errors.
 * URLs are checked for http(s) only: the server knows whether this Vigil allows any webhook host.
 */
export function formToChannel(form: ChannelForm, existing?: Channel): { body?: ChannelInput; errors: ChannelErrors } {
  const errors: ChannelErrors = {};
  if (form.name.trim() === '') errors.name = 'Give the channel a name';
  const settings: ChannelSettings = {};
  const keepsUrl = existing !== undefined && existing.type === form.type && form.url.trim() === '';
  if (form.type === 'email') {
    const bad = form.to.filter((a) => !EMAIL.test(a.trim()));
    if (form.to.length === 0) errors.to = 'Add at least one recipient';
    else if (bad.length) errors.to = `Not an email address: ${bad.join(', ')}`;
    else settings.to = form.to.map((a) => a.trim());
  } else if (!keepsUrl) {
    const url = form.url.trim();
    if (url === '') errors.url = 'The webhook URL is required';
    else if (!/^https?:\/\/[^\s/]+/.test(url)) errors.url = 'Must be an http(s) URL';
    else settings.url = url;
  }
  if (form.type === 'webhook' && form.removeSecret) settings.secret = null;
  else if (form.type === 'webhook' && form.secret !== '') settings.secret = form.secret;
  if (form.groupBy.includes('...') && form.groupBy.length > 1) errors.groupBy = '"..." (every label) cannot be combined with other labels';
  else if (form.groupBy.some((l) => l !== '...' && !isLabelName(l))) errors.groupBy = `Not a label name: ${form.groupBy.filter((l) => l !== '...' && !isLabelName(l)).join(', ')}`;
  const parsed = tryParseMatchers(form.matchers);
  if (parsed.error) errors.matchers = parsed.error;
  const wait = secondsOf(form.groupWait, 'Group wait');
  const interval = secondsOf(form.groupInterval, 'Group interval');
  const repeat = secondsOf(form.repeatInterval, 'Repeat interval');
  if (wait.error) errors.groupWait = wait.error;
  if (interval.error) errors.groupInterval = interval.error;
  else if (interval.seconds === 0) errors.groupInterval = 'Group interval must be longer than 0s';
  if (repeat.error) errors.repeatInterval = repeat.error;
  else if (repeat.seconds === 0) errors.repeatInterval = 'Repeat interval must be longer than 0s';
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    body: {
      name: form.name.trim(),
      type: form.type,
      settings,
      matchers: form.matchers.trim(),
      groupBy: form.groupBy,
      groupWaitSeconds: wait.seconds!,
      groupIntervalSeconds: interval.seconds!,
      repeatIntervalSeconds: repeat.seconds!,
      sendResolved: form.sendResolved,
      enabled: form.enabled,
    },
  };
}

/**
 * A stored channel sent back with one change (enable/disable): masked values are left out, so the
 * server keeps the URL and secret it has.
 */
export function channelWithChange(channel: Channel, change: Partial<ChannelInput>): ChannelInput {
  const settings: ChannelSettings = {};
  for (const [key, value] of Object.entries(channel.settings)) {
    if (!isMasked(value) && key !== 'secret' && key !== 'hasSecret') settings[key] = value;
  }
  const { id: _id, ...input } = channel;
  void _id;
  return { ...input, settings, ...change };
}
