'use strict';
// The chDB side: one process-wide engine bound to the data directory, and one short-lived
// connection per HTTP request. chDB connections to the same path share the engine and its
// data but each carries its own session state (current database, SET settings), so a
// request's "USE db" and "SET x = y" never leak into another request, and requests can run
// in parallel on libuv worker threads instead of queueing behind one shared session.
const path = require('path');
const fs = require('fs');
const os = require('os');
const chdb = require('chdb');
const { quoteIdentifier, settingLiteral, insertFromInfile } = require('./query');
const { fromChdbError } = require('./errors');

// The addon's raw entry points: QueryAsyncConnection returns results as bytes, and takes
// query parameters for the engine's own binding. The loader is not in the package's export
// map, hence the path-based require. INSERT data is not passed through the addon at all: it is
// written to a spool file that the statement reads with FROM INFILE (see query.js).
const native = require(path.join(path.dirname(require.resolve('chdb')), 'dist', 'loader.js')).loadNative();

// Codes for settings the engine rejects; such URL parameters are skipped (with a log line)
// instead of failing the query, because clients send settings a full server knows but the
// embedded engine may not (this is a development stand-in, see README).
const SKIPPABLE_SETTING_CODES = new Set([115 /* UNKNOWN_SETTING */, 452 /* SETTING_CONSTRAINT_VIOLATION */]);

// A tiny counting semaphore.
class Limiter {
  constructor(max) { this.max = max; this.active = 0; this.waiting = []; }
  async acquire() {
    if (this.active < this.max) { this.active++; return; }
    await new Promise((resolve) => this.waiting.push(resolve));
  }
  release() {
    const next = this.waiting.shift();
    if (next) next(); else this.active--;
  }
  async run(fn) { await this.acquire(); try { return await fn(); } finally { this.release(); } }
}

class Engine {
  constructor(dataDir, { maxConcurrent = 4, log = () => {} } = {}) {
    this.dataDir = path.resolve(dataDir);
    this.limiter = new Limiter(maxConcurrent);
    // chDB's query-parameter state is not isolated between connections under real
    // concurrency (documented in the chdb package), so parameterized queries run one at a time.
    this.paramLimiter = new Limiter(1);
    this.log = log;
    this.main = null;
    this.version = 'unknown';
    this.spoolDir = null;
    this.spooled = 0;
  }

  async open() {
    fs.mkdirSync(this.dataDir, { recursive: true });
    this.spoolDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clickhouse-chdb-insert-'));
    // Held for the life of the process: it binds the data directory and keeps the engine up
    // between requests.
    this.main = new chdb.Session(this.dataDir, { connectionArgs: ['--timezone=UTC'] });
    const r = await native.QueryAsyncConnection(this.main.connection, 'SELECT version()', 'TabSeparated');
    this.version = Buffer.from(r.bytes).toString('utf8').trim();
  }

  close() {
    if (this.main) this.main.close();
    this.main = null;
    if (this.spoolDir) fs.rmSync(this.spoolDir, { recursive: true, force: true });
  }

  /**
   * Runs one request's statement.
   * req: { sql?: string, insertStatement?: string, insertData?: Buffer, format, database?,
   *        settings: [[k, v]], params?: {name: value} | null, readonly: boolean }
   * insertStatement + insertData: an INSERT ... FORMAT X and its data, which the engine reads
   * from a spool file. Otherwise sql is run and its output (in `format` unless it names its
   * own) returned.
   * Resolves { body: Buffer, readRows, readBytes, writtenRows, writtenBytes, elapsed }.
   */
  async execute(req) {
    const limiter = req.params ? this.paramLimiter : this.limiter;
    return this.limiter.run(() => (limiter === this.limiter ? this._execute(req) : limiter.run(() => this._execute(req))));
  }

  async _execute(req) {
    let conn;
    try {
      conn = new chdb.Session(this.dataDir, { connectionArgs: ['--timezone=UTC'] });
    } catch (e) {
      throw fromChdbError(e);
    }
    try {
      const c = conn.connection;
      if (req.database) await this._exec(c, `USE ${quoteIdentifier(req.database)}`);
      for (const [k, v] of req.settings || []) {
        try {
          await this._exec(c, `SET ${k} = ${settingLiteral(v)}`);
        } catch (e) {
          const err = fromChdbError(e);
          if (!SKIPPABLE_SETTING_CODES.has(err.chCode)) throw err;
          this.log(`ignoring setting ${k}=${v}: ${err.message}`);
        }
      }
      if (req.readonly) await this._exec(c, 'SET readonly = 2');

      if (req.insertData) {
        const file = path.join(this.spoolDir, `insert-${++this.spooled}.bin`);
        await fs.promises.writeFile(file, req.insertData);
        try {
          const r = await this._exec(c, insertFromInfile(req.insertStatement, file));
          // The engine reports the rows it read from the file, which are the rows inserted.
          return { body: Buffer.alloc(0), readRows: 0, readBytes: 0, writtenRows: r.rowsRead || 0, writtenBytes: req.insertData.length, elapsed: r.elapsed || 0 };
        } finally {
          await fs.promises.rm(file, { force: true });
        }
      }
      const r = req.params && Object.keys(req.params).length
        ? await native.QueryAsyncConnection(c, req.sql, req.format, req.params)
        : await native.QueryAsyncConnection(c, req.sql, req.format);
      const bytes = r.bytes ? Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength) : Buffer.alloc(0);
      return { body: bytes, readRows: r.rowsRead || 0, readBytes: r.bytesRead || 0, writtenRows: 0, writtenBytes: 0, elapsed: r.elapsed || 0 };
    } catch (e) {
      throw fromChdbError(e);
    } finally {
      conn.close();
    }
  }

  async _exec(c, sql) {
    return native.QueryAsyncConnection(c, sql, 'TabSeparated');
  }
}

module.exports = { Engine };
