/**
 * Label matchers as Prometheus and Alertmanager write them: `{severity="critical",team=~"db|api"}`.
 * Silences, channels and the alert filter use this text; the server parses it again (LabelMatchers).
 */

export type MatchType = '=' | '!=' | '=~' | '!~';
export const MATCH_TYPES: MatchType[] = ['=', '!=', '=~', '!~'];

export interface Matcher {
  name: string;
  type: MatchType;
  value: string;
}

export type Labels = Record<string, string>;

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export function isLabelName(name: string): boolean {
  return LABEL_NAME.test(name);
}

/** A double-quoted label value with backslash, quote and newline escaped (Go's strconv.Quote for these). */
export function quoteValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** `{a="1",b=~"x"}`; '' for no matchers (which the API reads as "every alert"). */
export function formatMatchers(matchers: Matcher[]): string {
  if (matchers.length === 0) return '';
  return `{${matchers.map((m) => `${m.name}${m.type}${quoteValue(m.value)}`).join(',')}}`;
}

/**
 * Equality matchers for every label of an alert (alertname first, the rest by name), as Alertmanager
 * pre-fills a silence; `omit` leaves out labels that would make it too narrow.
 */
export function matchersFromLabels(labels: Labels, omit: string[] = []): Matcher[] {
  return Object.keys(labels)
    .filter((name) => !omit.includes(name))
    .sort((a, b) => (a === 'alertname' ? -1 : b === 'alertname' ? 1 : a < b ? -1 : a > b ? 1 : 0))
    .map((name) => ({ name, type: '=' as const, value: labels[name] }));
}

export class MatcherSyntaxError extends Error {}

/**
 * Reads `{a="1", b!~'x|y'}` or the same without braces. Values may be double-, single- or back-quoted,
 * or bare words. Throws MatcherSyntaxError saying what is wrong and where.
 */
export function parseMatchers(text: string): Matcher[] {
  let s = text.trim();
  if (s.startsWith('{')) {
    if (!s.endsWith('}')) throw new MatcherSyntaxError('missing closing "}"');
    s = s.slice(1, -1);
  }
  const matchers: Matcher[] = [];
  let i = 0;
  const skipSpace = () => {
    while (i < s.length && /\s/.test(s[i])) i++;
  };
  skipSpace();
  while (i < s.length) {
    const nameMatch = /^[a-zA-Z_][a-zA-Z0-9_]*/.exec(s.slice(i));
    if (!nameMatch) throw new MatcherSyntaxError(`expected a label name at position ${i + 1}`);
    const name = nameMatch[0];
    i += name.length;
    skipSpace();
    const op = (['=~', '!~', '!=', '='] as MatchType[]).find((o) => s.startsWith(o, i));
    if (!op) throw new MatcherSyntaxError(`expected =, !=, =~ or !~ after "${name}"`);
    i += op.length;
    skipSpace();
    const [value, next] = readValue(s, i, name);
    i = next;
    if (op === '=~' || op === '!~') checkRegex(name, value);
    matchers.push({ name, type: op, value });
    skipSpace();
    if (i < s.length) {
      if (s[i] !== ',') throw new MatcherSyntaxError(`expected "," after the matcher for "${name}"`);
      i++;
      skipSpace();
    }
  }
  return matchers;
}

function readValue(s: string, start: number, name: string): [string, number] {
  const quote = s[start];
  if (quote === '"' || quote === "'" || quote === '`') {
    let value = '';
    let i = start + 1;
    while (i < s.length && s[i] !== quote) {
      if (s[i] === '\\' && quote !== '`' && i + 1 < s.length) {
        const c = s[i + 1];
        value += c === 'n' ? '\n' : c === 't' ? '\t' : c;
        i += 2;
      } else {
        value += s[i++];
      }
    }
    if (i >= s.length) throw new MatcherSyntaxError(`unterminated value for "${name}"`);
    return [value, i + 1];
  }
  const bare = /^[^,}\s"'`]*/.exec(s.slice(start))![0];
  return [bare, start + bare.length];
}

function checkRegex(name: string, value: string): void {
  try {
    new RegExp(value);
  } catch {
    throw new MatcherSyntaxError(`"${value}" in the matcher for "${name}" is not a valid regular expression`);
  }
}

/** Parses, answering an error message instead of throwing (for form fields). */
export function tryParseMatchers(text: string): { matchers: Matcher[]; error?: string } {
  try {
    return { matchers: parseMatchers(text) };
  } catch (e) {
    return { matchers: [], error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Whether labels satisfy every matcher, with Prometheus semantics: a missing label reads as "", and
 * regular expressions match the whole value (fully anchored).
 */
export function matchesAll(matchers: Matcher[], labels: Labels): boolean {
  return matchers.every((m) => matchesOne(m, labels[m.name] ?? ''));
}

/** Prometheus wraps a matcher's expression as ^(?s:…)$: whole value, "." matching newlines too. */
function anchored(expression: string): RegExp {
  return new RegExp(`^(?:${expression})$`, 's');
}

function matchesOne(m: Matcher, value: string): boolean {
  switch (m.type) {
    case '=':
      return value === m.value;
    case '!=':
      return value !== m.value;
    case '=~':
      return anchored(m.value).test(value);
    case '!~':
      return !anchored(m.value).test(value);
  }
}
