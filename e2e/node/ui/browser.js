'use strict';
// What every browser journey needs: Debian's Chromium launched headless through playwright-core (never a
// browser downloaded by a test tool), named steps that fail with what was expected and a screenshot of the
// page they failed on, and screenshots of the pages visited.

const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

// The flags issue 5 asks for, plus the ones that keep a fresh profile from phoning home or syncing.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
];

/** An invitation link's fragment is its secret: keep it out of test reports. */
function withoutSecret(url) {
  return url.replace(/#.+$/, '#…');
}

/** A step that failed: its name, and the page it left on screen. */
class StepFailure extends Error {
  constructor(step, cause, url, screenshot) {
    super(`step "${step}" failed`);
    this.step = step;
    this.detail = cause.message;
    this.url = withoutSecret(url);
    this.screenshot = screenshot;
  }
}

/**
 * Launches Chromium (playwright-core gives it a fresh temporary --user-data-dir) with one new light-mode
 * context, and records uncaught page errors and failed API answers for the report.
 */
async function openBrowser({ executablePath, screenshots }) {
  fs.rmSync(screenshots, { recursive: true, force: true });
  fs.mkdirSync(screenshots, { recursive: true });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    colorScheme: 'light',
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(30_000);
  const page = await context.newPage();
  const journey = new Journey(browser, page, screenshots);
  page.on('pageerror', (error) => journey.pageErrors.push(`${withoutSecret(page.url())}: ${error.message}`));
  page.on('console', (message) => {
    // Failed requests are listed with their address below; the console only says "Failed to load resource".
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      journey.consoleErrors.push(`${withoutSecret(page.url())}: ${message.text()}`);
    }
  });
  page.on('response', (response) => {
    if (!new URL(response.url()).pathname.startsWith('/api/') || response.status() < 400) return;
    const line = `${response.request().method()} ${response.url()} -> ${response.status()}`;
    (response.status() >= 500 ? journey.serverErrors : journey.failedRequests).push(line);
  });
  return journey;
}

class Journey {
  constructor(browser, page, screenshots) {
    this.browser = browser;
    this.page = page;
    this.screenshotDir = screenshots;
    this.screenshots = [];
    this.steps = [];
    this.pageErrors = [];
    this.consoleErrors = [];
    this.serverErrors = [];
    this.failedRequests = [];
  }

  /** Runs one step; on failure, screenshots the page as FAILED-<n>.png and throws a StepFailure. */
  async step(name, body) {
    const started = Date.now();
    try {
      await body(this.page);
    } catch (error) {
      const file = `FAILED-${String(this.steps.length + 1).padStart(2, '0')}.png`;
      await this.page.screenshot({ path: path.join(this.screenshotDir, file), fullPage: true }).catch(() => undefined);
      throw new StepFailure(name, error, this.page.url(), path.join(this.screenshotDir, file));
    }
    const ms = Date.now() - started;
    this.steps.push({ name, ms });
    console.log(`ok  ${name} (${ms} ms)`);
  }

  /** Waits until the page has settled (no requests for a moment, no loader left), then writes <name>.png. */
  async screenshot(name) {
    await this.settle();
    const file = `${name}.png`;
    await this.page.screenshot({ path: path.join(this.screenshotDir, file), fullPage: true });
    this.screenshots.push(file);
  }

  async settle() {
    await this.page.waitForLoadState('networkidle').catch(() => undefined);
    // Mantine's Loader has role="presentation"; the shared LoadingState renders one with this class.
    await this.page
      .locator('.mantine-Loader-root')
      .first()
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => undefined);
  }

  async close() {
    await this.browser.close().catch(() => undefined);
  }
}

/** Waits for a locator to be visible; the message says what the user should have seen. */
async function see(locator, what, timeout) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch (error) {
    throw new Error(`expected to see ${what}, but it did not appear (${error.message.split('\n')[0]})`);
  }
  return locator.first();
}

/** Waits for the URL to match; the message says where the user should have landed. */
async function arriveAt(page, pattern, where) {
  try {
    await page.waitForURL(pattern, { timeout: 20_000 });
  } catch (error) {
    throw new Error(`expected to land on ${where}, but the page is ${page.url()}`);
  }
}

module.exports = { openBrowser, see, arriveAt, StepFailure, CHROMIUM_ARGS };
