/** A pasted or uploaded rules.yml before it goes to the server: its namespace and what it holds. */
import { parse } from 'yaml';

/** The namespace a file name suggests: "api-alerts.rules.yml" → "api-alerts.rules". */
export function namespaceFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.ya?ml$/i, '').replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[._-]+/, '');
}

export interface RuleFileSummary {
  groups: number;
  alerting: number;
  recording: number;
  error?: string;
}

/**
 * Counts groups and rules so the user sees what will be imported; a YAML syntax error is reported
 * here with its line, anything deeper (PromQL, templates, durations) by the server.
 */
export function summarizeRuleFile(text: string): RuleFileSummary {
  if (text.trim() === '') return { groups: 0, alerting: 0, recording: 0, error: 'Paste a rule file or choose one' };
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    return { groups: 0, alerting: 0, recording: 0, error: `YAML: ${e instanceof Error ? e.message : String(e)}` };
  }
  const groups = doc && typeof doc === 'object' ? (doc as { groups?: unknown }).groups : undefined;
  if (!Array.isArray(groups)) return { groups: 0, alerting: 0, recording: 0, error: 'A rule file has a top-level "groups:" list' };
  let alerting = 0;
  let recording = 0;
  for (const g of groups) {
    const rules = g && typeof g === 'object' ? (g as { rules?: unknown }).rules : undefined;
    for (const r of Array.isArray(rules) ? rules : []) {
      if (r && typeof r === 'object' && 'alert' in r) alerting++;
      else if (r && typeof r === 'object' && 'record' in r) recording++;
    }
  }
  return { groups: groups.length, alerting, recording };
}

/** The server's rule for namespaces (a rule file's name). */
const NAMESPACE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export function namespaceError(namespace: string): string | null {
  if (namespace.trim() === '') return 'Name the namespace (usually the file name)';
  if (!NAMESPACE.test(namespace.trim())) return "Letters, digits, '.', '_' and '-', starting with a letter or digit";
  return null;
}
