'use strict';
// A new user's first visit, in headless Chromium: join through the invitation link, log out, log in on the
// login screen, find the issue the Sentry SDK raised, read its stack, follow it to its trace, see the error on
// the span that raised it, read the trace's logs, run a PromQL query and see its chart; then look at Traces,
// Services and Getting started, and one page in dark mode. Every page visited is written to
// <screenshots>/<name>.png.
// Run by dev.vigil.e2e.WebUiJourneyTest, which sends the data first and passes what to look for as JSON:
//   VIGIL_UI_JOURNEY='{"baseUrl":…,"inviteUrl":…,…}' node ui/journey.js
// Exits 1 naming the step that failed and what it expected, with FAILED-<n>.png of that page.

const { openBrowser, see, arriveAt, StepFailure } = require('./browser');
const { issueSteps, traceSteps, browseSteps, metricSteps, alertSteps } = require('./pages');

function readConfig() {
  const raw = process.env.VIGIL_UI_JOURNEY;
  if (!raw) {
    console.error('usage: VIGIL_UI_JOURNEY=<json> node ui/journey.js (run by WebUiJourneyTest)');
    process.exit(2);
  }
  return JSON.parse(raw);
}

async function signUpAndIn(journey, c) {
  const projectHome = new RegExp(`/projects/${c.projectId}(/issues)?(\\?|$)`);
  await journey.step('accept the invitation: name and password', async (page) => {
    await page.goto(c.inviteUrl);
    await see(page.getByRole('heading', { name: 'Join Vigil' }), 'the invitation page');
    await page.getByLabel('Name').fill(c.name);
    await page.getByRole('textbox', { name: 'Password' }).fill(c.password);
    await journey.screenshot('accept-invitation');
    await page.getByRole('button', { name: 'Accept invitation' }).click();
    // The organization holds one project, so the home page opens its issues.
    await arriveAt(page, projectHome, "the project's issues after accepting the invitation");
  });
  await journey.step('log out from the account menu', async (page) => {
    await page.getByRole('button', { name: 'Account' }).click();
    await see(page.getByText(c.name), "the user's name in the account menu");
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await arriveAt(page, /\/login/, 'the login screen after logging out');
    // The session is gone on the server too: a project page sends the user back to the login screen.
    await page.goto(`${c.baseUrl}/projects/${c.projectId}/issues`);
    await arriveAt(page, /\/login\?next=/, 'the login screen when opening a page logged out');
  });
  await journey.step('log in on the login screen', async (page) => {
    await see(page.getByRole('heading', { name: 'Sign in to Vigil' }), 'the login form');
    await page.getByLabel('Email').fill(c.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(c.password);
    await journey.screenshot('login');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await arriveAt(page, projectHome, 'the page asked for before logging in');
  });
}

let journey;

async function main() {
  const c = readConfig();
  journey = await openBrowser({ executablePath: c.chromium, screenshots: c.screenshots });
  try {
    await signUpAndIn(journey, c);
    await issueSteps(journey, c);
    await traceSteps(journey, c);
    await metricSteps(journey, c);
    await alertSteps(journey, c);
    await browseSteps(journey, c);
  } finally {
    await journey.close();
  }
  const result = {
    steps: journey.steps,
    screenshots: journey.screenshots,
    pageErrors: journey.pageErrors,
    serverErrors: journey.serverErrors,
  };
  // Every step passed, but an uncaught error in a page or a 5xx answer is a bug a user would meet too.
  if (journey.pageErrors.length > 0 || journey.serverErrors.length > 0) {
    report();
    console.log(JSON.stringify(result));
    process.exit(1);
  }
  console.log(JSON.stringify(result));
}

/** What went wrong besides a failed step, printed with every failure. */
function report() {
  for (const [what, list] of [
    ['uncaught page errors', journey?.pageErrors],
    ['console errors', journey?.consoleErrors],
    ['API answers with a server error', journey?.serverErrors],
    ['API answers with a client error (401s before logging in are expected)', journey?.failedRequests],
  ]) {
    if (list?.length) console.error(`${what}:\n  ${list.join('\n  ')}`);
  }
}

main().catch((error) => {
  if (error instanceof StepFailure) {
    console.error(`${error.message}: ${error.detail}\n  page: ${error.url}\n  screenshot: ${error.screenshot}`);
  } else {
    console.error(error);
  }
  report();
  process.exit(1);
});
