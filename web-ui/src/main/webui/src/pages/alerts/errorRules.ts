/** Error rules: their form, and a sentence saying when one fires. */
import { formatDuration } from './durations';
import { isLabelName, type Labels } from './matchers';
import type { ErrorRule, ErrorRuleInput, ErrorTrigger, Level } from './types';

export const TRIGGERS: Array<{ value: ErrorTrigger; label: string }> = [
  { value: 'new_issue', label: 'A new issue is created' },
  { value: 'regression', label: 'A resolved issue regresses' },
  { value: 'frequency', label: 'An issue is seen at least N times in M minutes' },
  { value: 'volume', label: "The project's event volume is at least N in M minutes" },
];

/** Whether the trigger counts events in a window (and so has a threshold and a window). */
export function isCounting(trigger: ErrorTrigger): boolean {
  return trigger === 'frequency' || trigger === 'volume';
}

/** "Issue seen ≥ 5 times in 10m · production · error and above". */
export function describeErrorRule(rule: Pick<ErrorRule, 'trigger' | 'threshold' | 'windowSeconds' | 'environment' | 'minLevel'>): string {
  const window = formatDuration(rule.windowSeconds * 1000);
  const what: Record<ErrorTrigger, string> = {
    new_issue: 'New issue',
    regression: 'Issue regressed',
    frequency: `Issue seen ≥ ${rule.threshold} time${rule.threshold === 1 ? '' : 's'} in ${window}`,
    volume: `≥ ${rule.threshold} event${rule.threshold === 1 ? '' : 's'} in ${window}`,
  };
  const parts = [what[rule.trigger]];
  if (rule.environment) parts.push(rule.environment);
  if (rule.minLevel) parts.push(rule.minLevel === 'fatal' ? 'fatal only' : `${rule.minLevel} and above`);
  return parts.join(' · ');
}

/** A stored rule as the API takes it back, without what the server adds (id, times, last error). */
export function errorRuleInput(r: ErrorRule): ErrorRuleInput {
  return { name: r.name, trigger: r.trigger, threshold: r.threshold, windowSeconds: r.windowSeconds, environment: r.environment, minLevel: r.minLevel, labels: r.labels, enabled: r.enabled };
}

/** The server keeps counts for windows up to a week. */
const MAX_WINDOW_MINUTES = 7 * 24 * 60;

export interface ErrorRuleForm {
  name: string;
  trigger: ErrorTrigger;
  threshold: number;
  windowMinutes: number;
  environment: string;
  minLevel: Level | '';
  labels: Array<{ key: string; value: string }>;
  enabled: boolean;
}

export function errorRuleToForm(rule?: ErrorRule): ErrorRuleForm {
  if (!rule) {
    // The common default: any new error pings the channel, seen once in a minute.
    return { name: '', trigger: 'new_issue', threshold: 1, windowMinutes: 1, environment: '', minLevel: 'error', labels: [{ key: 'severity', value: 'error' }], enabled: true };
  }
  return {
    name: rule.name,
    trigger: rule.trigger,
    threshold: rule.threshold,
    windowMinutes: Math.max(1, Math.round(rule.windowSeconds / 60)),
    environment: rule.environment ?? '',
    minLevel: rule.minLevel ?? '',
    labels: Object.entries(rule.labels ?? {}).map(([key, value]) => ({ key, value })),
    enabled: rule.enabled,
  };
}

export function formToErrorRule(form: ErrorRuleForm): { body?: ErrorRuleInput; errors: string[] } {
  const errors: string[] = [];
  if (form.name.trim() === '') errors.push('Give the rule a name');
  const counting = isCounting(form.trigger);
  if (counting && (!Number.isInteger(form.threshold) || form.threshold < 1)) errors.push('The threshold must be a whole number of at least 1');
  if (counting && (!Number.isInteger(form.windowMinutes) || form.windowMinutes < 1)) errors.push('The window must be at least 1 minute');
  else if (counting && form.windowMinutes > MAX_WINDOW_MINUTES) errors.push('The window can be at most a week (10080 minutes)');
  const labels: Labels = {};
  for (const { key, value } of form.labels) {
    const name = key.trim();
    if (name === '' && value === '') continue;
    if (!isLabelName(name)) errors.push(`"${name}" is not a valid label name`);
    else if (name === 'alertname') errors.push('alertname is the rule\'s name; it cannot be set as a label');
    else if (name in labels) errors.push(`The label "${name}" appears twice`);
    else labels[name] = value;
  }
  if (errors.length) return { errors };
  return {
    errors,
    body: {
      name: form.name.trim(),
      trigger: form.trigger,
      threshold: counting ? form.threshold : 1,
      windowSeconds: counting ? form.windowMinutes * 60 : 60,
      environment: form.environment.trim() || null,
      minLevel: form.minLevel || null,
      labels,
      enabled: form.enabled,
    },
  };
}
