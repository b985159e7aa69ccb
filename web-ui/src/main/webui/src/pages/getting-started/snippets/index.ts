import type { SetupValues } from '../setup';
import { go } from './go';
import { java } from './java';
import { javascript } from './javascript';
import { python } from './python';
import type { SnippetGroup } from './types';

export type { Snippet, SnippetGroup } from './types';

/** Copy-ready setup code for each language, with the project's DSN, endpoints and key filled in. */
export function snippetGroups(v: SetupValues): SnippetGroup[] {
  return [
    { id: 'python', label: 'Python', snippets: python(v) },
    { id: 'javascript', label: 'JavaScript', snippets: javascript(v) },
    { id: 'java', label: 'Java', snippets: java(v) },
    { id: 'go', label: 'Go', snippets: go(v) },
  ];
}
