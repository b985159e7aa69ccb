'use strict';
// The journey's steps on the product's pages, written against what each page renders for a user: roles,
// labels and texts, not CSS classes.

const { see, arriveAt } = require('./browser');

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The section link in the navigation bar. */
function section(page, name) {
  return page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true });
}

async function issueSteps(journey, c) {
  await journey.step('see the issue the Sentry SDK raised in the issue list', async (page) => {
    await landOn(page, 'Issues');
    await see(page.getByRole('table').getByRole('link', { name: c.issueTitle }), `a link to the issue "${c.issueTitle}"`);
    await journey.screenshot('issues');
  });
  await journey.step('open the issue: exception and stack frames', async (page) => {
    await page.getByRole('table').getByRole('link', { name: c.issueTitle }).click();
    await arriveAt(page, new RegExp(`/projects/${c.projectId}/issues/${c.issueId}(/|\\?|$)`), 'the issue page');
    await see(page.getByRole('heading', { name: c.issueTitle }), 'the issue title as the heading');
    const exception = page.getByRole('region', { name: 'Exception' });
    await see(exception.getByText('InventoryError', { exact: true }), 'the exception type');
    await see(exception.getByText(c.exceptionValue, { exact: true }), `the exception message "${c.exceptionValue}"`);
    // The frame that raised it: the script's own function, in app, in traced-error.js.
    const frame = exception.getByRole('button', {
      name: new RegExp(`traced-error\\.js in ${escapeRegExp(c.inAppFunction)} at line \\d+.*raised here.*in app`, 'i'),
    });
    await see(frame, `the in-app frame ${c.inAppFunction} in traced-error.js, marked as where it was raised`);
    // That frame is open with its source context, the raising line among it.
    await see(exception.getByLabel('Source context').getByText('throw new InventoryError'), 'the source line that raised it');
    await journey.screenshot('issue');
  });
  await journey.step("follow the issue's event to its trace", async (page) => {
    await page.getByRole('link', { name: 'View trace' }).click();
    await arriveAt(page, new RegExp(`/projects/${c.projectId}/traces/${c.traceId}`), 'the trace of the event');
  });
}

/** Waits for a page's own heading, so that what follows is not read from the page before it. */
async function landOn(page, heading) {
  await see(page.getByRole('heading', { name: heading, exact: true }), `the ${heading} page`);
}

/** The waterfall row of a span: its button is named "<service> <span>, <duration>[, error]". */
function spanRow(page, service, name) {
  return page.getByRole('button', { name: new RegExp(`^${escapeRegExp(`${service} ${name}`)}, `) });
}

async function traceSteps(journey, c) {
  await journey.step('see the error on the span it was raised in, not on the root', async (page) => {
    await see(page.getByRole('heading', { name: `${c.service}: ${c.rootSpan}` }), 'the trace named after its root span');
    const failing = spanRow(page, c.service, c.failingSpan);
    const root = spanRow(page, c.service, c.rootSpan);
    await see(failing, `the span ${c.failingSpan} in the waterfall`);
    // The Sentry error's mark (titled with the issue) sits on the span it was raised in. The root span is
    // marked too, but only for its OpenTelemetry status, without the error.
    await see(failing.getByTitle(c.issueTitle), `the error "${c.issueTitle}" marked on ${c.failingSpan}`);
    if ((await root.getByTitle(c.issueTitle).count()) !== 0) {
      throw new Error(`the error "${c.issueTitle}" is marked on the root span ${c.rootSpan}, not only on ${c.failingSpan}`);
    }
    const errors = page.getByRole('alert').filter({ hasText: 'Errors raised in this trace' });
    await see(errors.getByRole('link', { name: c.issueTitle }), 'the error listed among the errors raised in the trace');
    await errors.getByRole('button', { name: `${c.service}: ${c.failingSpan}` }).click();
    // The span's details list the error, linked to its issue.
    const details = page.getByRole('region', { name: 'Span details' });
    await see(details.getByText(c.failingSpanId), `the details of span ${c.failingSpanId}`);
    await see(details.getByRole('link', { name: c.issueTitle }), "the error in the failing span's details");
    await journey.screenshot('trace');
  });
  await journey.step("read the trace's logs", async (page) => {
    await page.getByRole('tab', { name: /^Logs/ }).click();
    // Only the tab's panel: the failing span's details list the same line.
    const panel = page.getByRole('tabpanel', { name: /^Logs/ });
    await see(panel.getByText(c.logLine), `the log line "${c.logLine}" in the trace's logs`);
    await journey.screenshot('trace-logs');
  });
  await journey.step('open the trace in the Logs page', async (page) => {
    await page.getByRole('link', { name: 'Open in Logs' }).click();
    await arriveAt(page, new RegExp(`/projects/${c.projectId}/logs\\?.*traceId=${c.traceId}`), 'the Logs page for the trace');
    await landOn(page, 'Logs');
    const traceFilter = await see(page.getByRole('textbox', { name: 'Trace id' }), 'the trace id filter');
    if ((await traceFilter.inputValue()) !== c.traceId) {
      throw new Error(`the trace id filter holds "${await traceFilter.inputValue()}", not ${c.traceId}`);
    }
    const line = page.getByRole('list', { name: 'Log lines' }).getByRole('listitem').filter({ hasText: c.logLine });
    await see(line, `the log line "${c.logLine}" in the results`);
    await see(line.getByRole('link', { name: 'Jump to trace' }), 'a link from the log line back to its trace');
    await journey.screenshot('logs');
  });
}

async function metricSteps(journey, c) {
  await journey.step('run a PromQL query and see its chart', async (page) => {
    await section(page, 'Metrics').click();
    await arriveAt(page, new RegExp(`/projects/${c.projectId}/metrics`), 'the metrics page');
    await landOn(page, 'Metrics');
    await (await see(page.getByRole('textbox', { name: 'PromQL query' }), 'the PromQL editor')).fill(c.promql);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await see(page.getByRole('img', { name: `Graph of ${c.promql}` }), `the graph of ${c.promql}`);
    await see(page.getByText(/· 1 series$/), 'one series in the result');
    await journey.screenshot('metrics');
    await page.getByRole('tab', { name: 'Table' }).click();
    const row = page.getByRole('table', { name: `Result of ${c.promql}` }).getByRole('row').filter({ hasText: c.promqlLabel });
    await see(row, `the series ${c.promqlLabel} in the table`);
    const text = (await row.first().innerText()).replace(/\s+/g, ' ');
    if (!new RegExp(`(^| )${escapeRegExp(c.promqlValue)}( |$)`).test(text)) {
      throw new Error(`expected the value ${c.promqlValue} for ${c.promqlLabel}, the row reads "${text}"`);
    }
  });
}

async function browseSteps(journey, c) {
  await journey.step('search traces', async (page) => {
    await section(page, 'Traces').click();
    await arriveAt(page, new RegExp(`/projects/${c.projectId}/traces(\\?|$)`), 'the trace search');
    await landOn(page, 'Traces');
    const results = page.getByRole('table', { name: 'Traces' });
    await see(results.getByRole('link', { name: `${c.service}: ${c.rootSpan}` }), `the trace ${c.rootSpan} in the results`);
    await journey.screenshot('traces');
  });
  await journey.step("see the service and its operations", async (page) => {
    await section(page, 'Services').click();
    await arriveAt(page, new RegExp(`/projects/${c.projectId}/services(\\?|$)`), 'the services page');
    await landOn(page, 'Services');
    const services = page.getByRole('table', { name: 'Services' });
    await see(services.getByRole('link', { name: `Traces of ${c.service}` }), `the service ${c.service}`);
    const name = { name: c.service, exact: true };
    await services.getByRole('link', name).or(services.getByRole('button', name)).first().click();
    const operations = page.getByRole('region', { name: `Operations of ${c.service}` });
    await see(operations.getByText(c.rootSpan), `the operation ${c.rootSpan} of ${c.service}`);
    await journey.screenshot('services');
  });
  await journey.step('read the getting-started page', async (page) => {
    await section(page, 'Getting started').click();
    await arriveAt(page, new RegExp(`/projects/${c.projectId}/getting-started`), 'the getting-started page');
    await landOn(page, 'Getting started');
    // The project's own DSN and the receiver's address to copy, and the status turned green: data arrived.
    await see(page.getByText(c.dsn, { exact: true }), `the project's DSN ${c.dsn}`);
    await see(page.getByText(c.otlpHttpUrl, { exact: true }), `the suite's OTLP/HTTP endpoint ${c.otlpHttpUrl}`);
    await see(page.getByRole('alert').filter({ hasText: 'Vigil is receiving data' }), 'that Vigil is receiving data');
    await journey.screenshot('getting-started');
  });
  await journey.step('switch to dark mode on the trace page', async (page) => {
    await page.goto(`${c.baseUrl}/projects/${c.projectId}/traces/${c.traceId}`);
    await see(spanRow(page, c.service, c.failingSpan), `the failing span ${c.failingSpan}`);
    await page.getByRole('button', { name: 'Toggle dark mode' }).click();
    await page.waitForFunction(() => document.documentElement.getAttribute('data-mantine-color-scheme') === 'dark');
    // Away from the toggle, so its tooltip is not in the picture.
    await page.mouse.move(700, 880);
    await page.getByRole('tooltip').waitFor({ state: 'hidden' }).catch(() => undefined);
    await journey.screenshot('trace-dark');
  });
}

/** The Alerts page: the imported rule group and its rule, then the alert it raised, firing. */
async function alertSteps(journey, c) {
  await journey.step('see the imported alert rule and its firing alert', async (page) => {
    await section(page, 'Alerts').click();
    await arriveAt(page, new RegExp(`/projects/${c.projectId}/alerts`), 'the alerts page');
    await landOn(page, 'Alerts');
    await page.getByRole('tab', { name: 'Rules' }).click();
    const rules = page.getByRole('table', { name: `Rules of ${c.alertGroup}` });
    await see(rules.getByText(c.alertName).first(), `the rule ${c.alertName} of group ${c.alertGroup}`);
    await journey.screenshot('alert-rules');
    await page.getByRole('tab', { name: /Alerts/ }).click();
    await see(page.getByText(c.alertName).first(), `the alert ${c.alertName}`);
    await see(page.getByText('firing', { exact: false }).first(), 'a firing alert');
    await journey.screenshot('alerts');
  });
}

module.exports = { issueSteps, traceSteps, browseSteps, metricSteps, alertSteps };
