import { type SetupValues } from '../setup';
import type { Snippet } from './types';

const q = JSON.stringify;

/** JavaScript: the browser, Node.js and Next.js Sentry SDKs. */
export function javascript(v: SetupValues): Snippet[] {
  return [
    {
      id: 'js-browser',
      label: 'Browser',
      install: 'npm install @sentry/browser',
      note: 'Errors and page-load traces. Initialize the SDK before your app renders:',
      files: [
        {
          name: 'main.js',
          code: `import * as Sentry from "@sentry/browser";

Sentry.init({
  dsn: ${q(v.dsn)},
  integrations: [Sentry.browserTracingIntegration()],
  // Trace page loads and navigations (lower this in production).
  tracesSampleRate: 1.0,
  // Continue traces into your own API, so its spans join the page's trace.
  tracePropagationTargets: ["localhost", /^\\/api\\//],
});
`,
        },
      ],
    },
    {
      id: 'js-node',
      label: 'Node.js',
      install: 'npm install @sentry/node',
      note: 'Errors and traces. Load this file before anything else: node --require ./instrument.js app.js (ES modules: node --import ./instrument.mjs app.mjs).',
      files: [
        {
          name: 'instrument.js',
          code: `const Sentry = require("@sentry/node");

Sentry.init({
  dsn: ${q(v.dsn)},
  // Trace every request (lower this in production).
  tracesSampleRate: 1.0,
});

// Express: after all routes, Sentry.setupExpressErrorHandler(app);
`,
        },
      ],
    },
    {
      id: 'js-nextjs',
      label: 'Next.js',
      install: 'npm install @sentry/nextjs',
      note: 'Errors and traces in the browser, on the server and at the edge: four files at the project root (or in src/).',
      files: [
        {
          name: 'instrumentation-client.ts',
          code: `import * as Sentry from "@sentry/nextjs";

Sentry.init({
  dsn: ${q(v.dsn)},
  tracesSampleRate: 1.0,
});

export const onRouterTransitionStart = Sentry.captureRouterTransitionStart;
`,
        },
        {
          name: 'sentry.server.config.ts (and the same as sentry.edge.config.ts)',
          code: `import * as Sentry from "@sentry/nextjs";

Sentry.init({
  dsn: ${q(v.dsn)},
  tracesSampleRate: 1.0,
});
`,
        },
        {
          name: 'instrumentation.ts',
          code: `import * as Sentry from "@sentry/nextjs";

export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./sentry.server.config");
  if (process.env.NEXT_RUNTIME === "edge") await import("./sentry.edge.config");
}

export const onRequestError = Sentry.captureRequestError;
`,
        },
        {
          name: 'next.config.ts',
          code: `import type { NextConfig } from "next";
import { withSentryConfig } from "@sentry/nextjs";

const nextConfig: NextConfig = {};

export default withSentryConfig(nextConfig, { silent: !process.env.CI });
`,
        },
      ],
    },
  ];
}
