#!/usr/bin/env node
'use strict';
// Development ClickHouse endpoint: the ClickHouse HTTP interface served by chDB (the
// ClickHouse engine as a library). Not for production; see README.md.
//
//   node server.js --port 18123 --data ./data [--host 127.0.0.1] [--user u --password p]
//                  [--max-concurrent 4] [--log-queries true]
// Environment: CHDB_PORT, CHDB_DATA, CHDB_HOST, CHDB_USER, CHDB_PASSWORD,
//              CHDB_MAX_CONCURRENT, CHDB_LOG_QUERIES=1.
const path = require('path');
const { Engine } = require('./lib/engine');
const { createServer } = require('./lib/http');

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument: ${a}`);
    const eq = a.indexOf('=');
    if (eq > 0) { out[a.slice(2, eq)] = a.slice(eq + 1); continue; }
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`missing value for ${a}`);
    out[a.slice(2)] = v;
    i++;
  }
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const env = process.env;
  const port = Number(args.port || env.CHDB_PORT || 18123);
  const host = args.host || env.CHDB_HOST || '127.0.0.1';
  const dataDir = path.resolve(args.data || env.CHDB_DATA || path.join(process.cwd(), 'chdb-data'));
  const user = args.user !== undefined ? args.user : env.CHDB_USER;
  const password = args.password !== undefined ? args.password : env.CHDB_PASSWORD;
  const maxConcurrent = Number(args['max-concurrent'] || env.CHDB_MAX_CONCURRENT || 4);
  const log = (m) => console.error(`[clickhouse-chdb] ${m}`);

  const engine = new Engine(dataDir, { maxConcurrent, log });
  await engine.open();
  const logQueries = args['log-queries'] === 'true' || env.CHDB_LOG_QUERIES === '1';
  const server = createServer(engine, { user, password, log, logQueries });
  server.on('error', (e) => { log(`server error: ${e.message}`); process.exit(1); });
  server.listen(port, host, () => {
    const addr = server.address();
    console.log(`clickhouse-chdb listening on ${host}:${addr.port}, data in ${dataDir} (engine ${engine.version})`);
  });

  const shutdown = () => {
    server.close();
    for (const s of server.connections || []) s.destroy();
    // Let in-flight requests finish writing, then release the engine (flushes parts).
    setTimeout(() => { engine.close(); process.exit(0); }, 200).unref();
    server.closeAllConnections && server.closeAllConnections();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((e) => {
  console.error(`[clickhouse-chdb] failed to start: ${e && e.stack ? e.stack : e}`);
  process.exit(1);
});
