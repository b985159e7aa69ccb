// One timed page load in Chromium: navigate, wait until the page's data is visible, read the
// Performance API. Runs in Node; the functions passed to the page run in the browser.

/**
 * Runs in the page on every animation frame: the time since navigation start at which every
 * condition holds, or false. A condition is { href: regex source } (a visible link whose href
 * matches) or { text: string, regex?: boolean, within?: css } (visible text, optionally inside
 * elements matching `within`).
 */
function readyAt(conditions) {
  const visible = (el) => {
    if (!el) return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const hasText = ({ text, regex, within }) => {
    const test = regex ? ((re) => (s) => re.test(s))(new RegExp(text)) : (s) => s.includes(text);
    const roots = within ? [...document.querySelectorAll(within)] : [document.body];
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        // The parent's whole text: React renders `{count} calls` as two text nodes.
        const element = node.parentElement;
        if (element && test(element.textContent) && visible(element)) return true;
      }
    }
    return false;
  };
  const holds = (c) =>
    c.href
      ? [...document.querySelectorAll('a[href]')].some((a) => new RegExp(c.href).test(a.getAttribute('href')) && visible(a))
      : hasText(c);
  return document.body && conditions.every(holds) ? performance.now() : false;
}

/** Runs in the page after it is ready: navigation milestones and every API call so far. */
function timings() {
  const nav = performance.getEntriesByType('navigation')[0];
  const resources = performance.getEntriesByType('resource');
  const api = resources
    .filter((r) => new URL(r.name).pathname.startsWith('/api/'))
    .map((r) => ({ url: r.name, start: r.startTime, duration: r.duration, end: r.responseEnd }));
  const assets = resources.filter((r) => r.initiatorType === 'script' || r.initiatorType === 'link' || /\.(js|css)(\?|$)/.test(r.name));
  return {
    ttfb: nav ? nav.responseStart : NaN,
    assetsEnd: Math.max(0, ...assets.map((r) => r.responseEnd)),
    apiEnd: Math.max(0, ...api.map((r) => r.end)),
    api,
  };
}

/**
 * Loads url in page and waits up to timeoutMs for the conditions. Returns { readyMs, ttfb,
 * assetsEnd, apiEnd, api, errors } with readyMs null when the data never appeared.
 */
export async function timedLoad(page, url, conditions, timeoutMs) {
  const errors = [];
  const onResponse = (response) => {
    if (response.url().includes('/api/') && response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  };
  const onPageError = (error) => errors.push(`page error: ${error.message}`);
  page.on('response', onResponse);
  page.on('pageerror', onPageError);
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
    const handle = await page.waitForFunction(readyAt, conditions, { polling: 'raf', timeout: timeoutMs });
    const readyMs = await handle.jsonValue();
    return { readyMs, ...(await page.evaluate(timings)), errors };
  } catch (error) {
    errors.push(error.message.split('\n')[0]);
    return { readyMs: null, api: [], errors };
  } finally {
    page.off('response', onResponse);
    page.off('pageerror', onPageError);
  }
}

/** N loads each in a fresh context (empty HTTP cache, session cookie only). */
export async function coldLoads(browser, contextOptions, url, conditions, runs, timeoutMs) {
  const loads = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext(contextOptions);
    try {
      loads.push(await timedLoad(await context.newPage(), url, conditions, timeoutMs));
    } finally {
      await context.close();
    }
  }
  return loads;
}

/** One unmeasured load to fill the HTTP cache, then N full navigations in the same context. */
export async function warmLoads(browser, contextOptions, url, conditions, runs, timeoutMs) {
  const context = await browser.newContext(contextOptions);
  try {
    const page = await context.newPage();
    await timedLoad(page, url, conditions, timeoutMs);
    const loads = [];
    for (let i = 0; i < runs; i++) {
      await page.goto('about:blank');
      loads.push(await timedLoad(page, url, conditions, timeoutMs));
    }
    return loads;
  } finally {
    await context.close();
  }
}
