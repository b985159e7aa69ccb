/** The silence form: matcher rows, when it starts, and how long it lasts (a duration or an end time). */
import { formatDuration, parseDuration } from './durations';
import { formatMatchers, isLabelName, matchersFromLabels, type Labels, type Matcher } from './matchers';
import type { SilenceInput } from './types';

export interface SilenceForm {
  matchers: Matcher[];
  /** '' = now; otherwise a datetime-local value ("2026-05-01T14:00"). */
  startsAt: string;
  mode: 'duration' | 'until';
  duration: string;
  /** datetime-local value. */
  until: string;
  comment: string;
}

export function emptySilence(): SilenceForm {
  return { matchers: [{ name: '', type: '=', value: '' }], startsAt: '', mode: 'duration', duration: '2h', until: '', comment: '' };
}

/** A silence for this alert: every label as an equality matcher, as Alertmanager pre-fills it. */
export function silenceForAlert(labels: Labels): SilenceForm {
  return { ...emptySilence(), matchers: matchersFromLabels(labels) };
}

/** A datetime-local input's value for an instant, in the browser's time zone. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The API body, or what is wrong. `now` is the browser's idea of now, for checking an end time. */
export function formToSilence(form: SilenceForm, now: number = Date.now()): { body?: SilenceInput; errors: string[] } {
  const errors: string[] = [];
  const matchers = form.matchers.filter((m) => m.name.trim() !== '' || m.value !== '');
  if (matchers.length === 0) errors.push('Add at least one matcher');
  for (const m of matchers) {
    if (!isLabelName(m.name.trim())) errors.push(`"${m.name}" is not a valid label name`);
    if (m.type === '=~' || m.type === '!~') {
      try {
        new RegExp(m.value);
      } catch {
        errors.push(`"${m.value}" is not a valid regular expression`);
      }
    }
  }
  // Like Alertmanager: a silence whose matchers all match the empty string would silence everything.
  if (matchers.length > 0 && matchers.every((m) => matchesEmpty(m))) errors.push('These matchers would silence every alert; make at least one match a non-empty value');
  const start = form.startsAt ? new Date(form.startsAt).getTime() : now;
  if (Number.isNaN(start)) errors.push('The start time is not valid');
  let end = NaN;
  let durationSeconds: number | undefined;
  if (form.mode === 'duration') {
    const ms = parseDuration(form.duration);
    if (ms === null || ms < 1000) errors.push(`"${form.duration}" is not a duration like 2h or 1d`);
    else durationSeconds = Math.round(ms / 1000);
  } else {
    end = new Date(form.until).getTime();
    if (Number.isNaN(end)) errors.push('Choose when the silence ends');
    else if (end <= Math.max(start, now)) errors.push('The silence must end in the future and after it starts');
  }
  if (form.comment.trim() === '') errors.push('Say why (the comment is shown to whoever wonders where the alerts went)');
  if (errors.length) return { errors };
  // "Now" and durations are left to the server's clock, so a browser's clock being off does not shift them.
  return {
    errors,
    body: {
      matchers: formatMatchers(matchers.map((m) => ({ ...m, name: m.name.trim() }))),
      ...(form.startsAt && { startsAt: new Date(start).toISOString() }),
      ...(durationSeconds !== undefined ? { durationSeconds } : { endsAt: new Date(end).toISOString() }),
      comment: form.comment.trim(),
    },
  };
}

function matchesEmpty(m: Matcher): boolean {
  switch (m.type) {
    case '=':
      return m.value === '';
    case '!=':
      return m.value !== '';
    case '=~':
      return safeTest(m.value, '');
    case '!~':
      return !safeTest(m.value, '');
  }
}

function safeTest(expression: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${expression})$`, 's').test(value);
  } catch {
    return false;
  }
}

/** "ends in 1h59m", "starts in 10m", "expired 3h ago" for a silence's row. */
export function silenceTiming(startsAt: string, endsAt: string, now: number = Date.now()): string {
  const start = Date.parse(startsAt);
  const end = Date.parse(endsAt);
  if (now < start) return `starts in ${formatDuration(start - now, 2)}`;
  if (now < end) return `ends in ${formatDuration(end - now, 2)}`;
  return `expired ${formatDuration(now - end, 2)} ago`;
}
