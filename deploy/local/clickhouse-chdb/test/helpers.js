'use strict';
// Starts server.js as a child process on a free port with its own data directory.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const SERVER = path.join(__dirname, '..', 'server.js');

function tempDataDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'clickhouse-chdb-test-'));
}

async function startServer(dataDir, extraArgs = []) {
  const child = spawn(process.execPath, [SERVER, '--port', '0', '--data', dataDir, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const port = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 30000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on [^:]+:(\d+)/.exec(out);
      if (m) { clearTimeout(timer); resolve(Number(m[1])); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}: ${stderr}`)); });
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    port,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

// POST a statement (or data) and return { status, headers, body: Buffer, text }.
async function ch(base, { query, body, params = {}, headers = {}, method } = {}) {
  const url = new URL(base + '/');
  if (query !== undefined) url.searchParams.set('query', query);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  const res = await fetch(url, { method: method || (body !== undefined || query === undefined ? 'POST' : 'POST'), body, headers });
  const buf = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, body: buf, text: buf.toString('utf8') };
}

// Like ch() but fails the test on a non-200 answer.
async function ok(base, opts) {
  const r = await ch(base, opts);
  if (r.status !== 200) throw new Error(`HTTP ${r.status}: ${r.text}`);
  return r;
}

module.exports = { startServer, tempDataDir, ch, ok };
