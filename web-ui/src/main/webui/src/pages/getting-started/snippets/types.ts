/** Copy-ready setup code per language and SDK, with the project's DSN, endpoints and key filled in. */
export interface Snippet {
  id: string;
  label: string;
  /** The install command, when there is one. */
  install?: string;
  /** What the snippet sends and where the code goes. */
  note: string;
  files: Array<{ name: string; code: string }>;
}

export interface SnippetGroup {
  id: 'python' | 'javascript' | 'java' | 'go';
  label: string;
  snippets: Snippet[];
}

/** The Java SDK version Vigil's own build and tests use (root pom.xml, sentry-java.version). */
export const SENTRY_JAVA_VERSION = '8.20.0';
