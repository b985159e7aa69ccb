/**
 * The rule-group editor's model and its conversions: a group from the API → form fields → the JSON
 * the API takes, and the same group as YAML for those who would rather write a rule file.
 */
import { parse, stringify } from 'yaml';
import { durationText, parseDuration } from './durations';
import { isLabelName, type Labels } from './matchers';
import type { RuleGroup, RuleGroupJson, RuleJson } from './types';

export interface KeyValue {
  key: string;
  value: string;
}

export interface RuleForm {
  kind: 'alert' | 'record';
  name: string;
  expr: string;
  for: string;
  keepFiringFor: string;
  labels: KeyValue[];
  annotations: KeyValue[];
}

export interface GroupForm {
  name: string;
  interval: string;
  limit: number;
  rules: RuleForm[];
}

export function emptyRule(kind: RuleForm['kind'] = 'alert'): RuleForm {
  return {
    kind,
    name: '',
    expr: '',
    for: kind === 'alert' ? '5m' : '',
    keepFiringFor: '',
    labels: kind === 'alert' ? [{ key: 'severity', value: 'warning' }] : [],
    annotations: kind === 'alert' ? [{ key: 'summary', value: '' }] : [],
  };
}

export function emptyGroup(): GroupForm {
  return { name: '', interval: '', limit: 0, rules: [emptyRule()] };
}

function toPairs(labels: Labels | undefined): KeyValue[] {
  return Object.entries(labels ?? {}).map(([key, value]) => ({ key, value }));
}

/** The editor's fields for a stored group (or a group read from YAML). */
export function groupToForm(group: RuleGroupJson | RuleGroup): GroupForm {
  return {
    name: group.name,
    interval: durationText(group.interval),
    limit: group.limit ?? 0,
    rules: group.rules.map((r) => ({
      kind: r.record !== undefined && r.alert === undefined ? 'record' : 'alert',
      name: r.alert ?? r.record ?? '',
      expr: r.expr,
      for: durationText(r.for),
      keepFiringFor: durationText(r.keep_firing_for),
      labels: toPairs(r.labels),
      annotations: toPairs(r.annotations),
    })),
  };
}

function pairsToLabels(pairs: KeyValue[], what: string, errors: string[]): Labels | undefined {
  const out: Labels = {};
  for (const { key, value } of pairs) {
    const name = key.trim();
    // An empty value is no label at all in Prometheus (and an empty annotation says nothing).
    if (value === '') continue;
    if (!isLabelName(name)) errors.push(`${what}: "${name}" is not a valid label name`);
    else if (name in out) errors.push(`${what}: "${name}" appears twice`);
    else out[name] = value;
  }
  return Object.keys(out).length ? out : undefined;
}

function checkDuration(value: string, what: string, errors: string[]): string | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  if (parseDuration(text) === null) errors.push(`${what}: "${text}" is not a duration like 30s, 5m or 1h`);
  return text;
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/**
 * The group's JSON from the form, or the problems found, each naming the rule like promtool does
 * ("rule 2 (HighErrorRate): …"). The server checks expressions and templates again.
 */
export function formToGroup(form: GroupForm): { group?: RuleGroupJson; errors: string[] } {
  const errors: string[] = [];
  const name = form.name.trim();
  if (name === '') errors.push('The group needs a name');
  const interval = checkDuration(form.interval, 'interval', errors);
  if (form.rules.length === 0) errors.push('The group needs at least one rule');
  const rules: RuleJson[] = form.rules.map((r, i) => {
    const label = `rule ${i + 1}${r.name.trim() ? ` (${r.name.trim()})` : ''}`;
    const ruleName = r.name.trim();
    if (ruleName === '') errors.push(`${label}: ${r.kind === 'alert' ? 'alert' : 'record'} name is empty`);
    else if (r.kind === 'record' && !METRIC_NAME.test(ruleName)) errors.push(`${label}: "${ruleName}" is not a valid metric name`);
    if (r.expr.trim() === '') errors.push(`${label}: expr is empty`);
    const labels = pairsToLabels(r.labels, `${label} labels`, errors);
    if (r.kind === 'record') return { record: ruleName, expr: r.expr.trim(), ...(labels && { labels }) };
    const forText = checkDuration(r.for, `${label} for`, errors);
    const keep = checkDuration(r.keepFiringFor, `${label} keep_firing_for`, errors);
    const annotations = pairsToLabels(r.annotations, `${label} annotations`, errors);
    return {
      alert: ruleName,
      expr: r.expr.trim(),
      ...(forText && { for: forText }),
      ...(keep && { keep_firing_for: keep }),
      ...(labels && { labels }),
      ...(annotations && { annotations }),
    };
  });
  if (errors.length) return { errors };
  return { group: { name, ...(interval && { interval }), ...(form.limit > 0 && { limit: form.limit }), rules }, errors };
}

/** One group as rule-file YAML (the group itself, not wrapped in `groups:`). */
export function groupToYaml(group: RuleGroupJson): string {
  return stringify(group, { lineWidth: 0, blockQuote: 'literal' });
}

/**
 * A group from YAML: either one group or a rule file with exactly one group under `groups:`.
 * Values are kept as text (a `for: 5m` stays "5m"); the form checks the rest.
 */
export function yamlToGroup(text: string): { group?: RuleGroupJson; errors: string[] } {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    return { errors: [`YAML: ${e instanceof Error ? e.message : String(e)}`] };
  }
  if (doc && typeof doc === 'object' && 'groups' in doc) {
    const groups = (doc as { groups: unknown }).groups;
    if (!Array.isArray(groups) || groups.length !== 1) {
      return { errors: ['This editor holds one group; import a file with several groups from "Import rules.yml"'] };
    }
    doc = groups[0];
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return { errors: ['Expected a group with name and rules'] };
  const raw = doc as Record<string, unknown>;
  if (!Array.isArray(raw.rules)) return { errors: ['The group needs a list of rules under "rules:"'] };
  const asText = (v: unknown) => (v === undefined || v === null ? undefined : String(v));
  const asLabels = (v: unknown): Labels | undefined =>
    v && typeof v === 'object' ? Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, String(x)])) : undefined;
  const rules = (raw.rules as unknown[]).map((r) => {
    const rule = (r ?? {}) as Record<string, unknown>;
    return {
      alert: asText(rule.alert),
      record: asText(rule.record),
      expr: asText(rule.expr) ?? '',
      for: asText(rule.for),
      keep_firing_for: asText(rule.keep_firing_for),
      labels: asLabels(rule.labels),
      annotations: asLabels(rule.annotations),
    } as RuleJson;
  });
  // Through the form, so YAML gets the same checks and the same normalised JSON.
  return formToGroup(groupToForm({ name: asText(raw.name) ?? '', interval: asText(raw.interval), limit: Number(raw.limit ?? 0) || 0, rules }));
}

/** The group a stored group is, without the server's bookkeeping (ids, health, versions). */
export function storedGroupJson(group: RuleGroup): RuleGroupJson {
  const interval = durationText(group.interval);
  return {
    name: group.name,
    ...(interval && { interval }),
    ...(group.limit > 0 && { limit: group.limit }),
    rules: group.rules.map((r) => {
      const rule: RuleJson = r.record !== undefined && r.alert === undefined ? { record: r.record, expr: r.expr } : { alert: r.alert, expr: r.expr };
      if (r.for) rule.for = durationText(r.for);
      if (r.keep_firing_for) rule.keep_firing_for = durationText(r.keep_firing_for);
      if (r.labels && Object.keys(r.labels).length) rule.labels = r.labels;
      if (r.annotations && Object.keys(r.annotations).length) rule.annotations = r.annotations;
      return rule;
    }),
  };
}
