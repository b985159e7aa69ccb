'use strict';
// The ClickHouse HTTP interface, as far as the official clients use it: /ping, queries in
// the `query` parameter and/or the POST body, settings and param_* in the URL, database,
// format, query id and credentials in parameters or X-ClickHouse-* headers, compressed
// request bodies, and ClickHouse-shaped responses and errors.
const http = require('http');
const zlib = require('zlib');
const crypto = require('crypto');
const { ClickHouseError, fromChdbError, renderBody } = require('./errors');
const q = require('./query');

const DISPLAY_NAME = 'clickhouse-chdb';

// Request body decoders by Content-Encoding (ClickHouse accepts these names too).
const DECODERS = {
  gzip: zlib.gunzipSync, 'x-gzip': zlib.gunzipSync,
  deflate: zlib.inflateSync,
  br: zlib.brotliDecompressSync,
};
if (typeof zlib.zstdDecompressSync === 'function') DECODERS.zstd = zlib.zstdDecompressSync;
const ENCODERS = { gzip: zlib.gzipSync, deflate: zlib.deflateSync, br: zlib.brotliCompressSync };

function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > limit) {
        reject(new ClickHouseError(1000, `Request body is larger than the configured limit of ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks, size)));
    req.on('error', reject);
  });
}

function decodeBody(body, encoding) {
  if (!encoding || encoding === 'identity' || body.length === 0) return body;
  const decode = DECODERS[encoding.trim().toLowerCase()];
  if (!decode) throw new ClickHouseError(1, `Unsupported Content-Encoding: ${encoding} (supported here: ${Object.keys(DECODERS).join(', ')})`);
  try {
    return decode(body);
  } catch (e) {
    throw new ClickHouseError(27, `Cannot decompress request body (${encoding}): ${e.message}`);
  }
}

// Credentials, in ClickHouse's order of precedence: Basic auth, X-ClickHouse-User/Key
// headers, user/password URL parameters.
function credentials(req, params) {
  const auth = req.headers.authorization;
  if (auth && /^basic /i.test(auth)) {
    const decoded = Buffer.from(auth.slice(6).trim(), 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    return { user: i < 0 ? decoded : decoded.slice(0, i), password: i < 0 ? '' : decoded.slice(i + 1) };
  }
  if (req.headers['x-clickhouse-user'] !== undefined || req.headers['x-clickhouse-key'] !== undefined) {
    return { user: req.headers['x-clickhouse-user'] || 'default', password: req.headers['x-clickhouse-key'] || '' };
  }
  return { user: params.get('user') || 'default', password: params.get('password') || '' };
}

function safeEqual(a, b) {
  const x = Buffer.from(String(a)); const y = Buffer.from(String(b));
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function createServer(engine, opts = {}) {
  const log = opts.log || (() => {});
  const bodyLimit = opts.maxBodyBytes || 1024 * 1024 * 1024;

  async function handle(req, res) {
    const url = new URL(req.url, 'http://localhost');
    const params = url.searchParams;
    const queryId = params.get('query_id') || req.headers['x-clickhouse-query-id'] || crypto.randomUUID();
    const baseHeaders = {
      'X-ClickHouse-Server-Display-Name': DISPLAY_NAME,
      'X-ClickHouse-Query-Id': queryId,
      'X-ClickHouse-Timezone': 'UTC',
    };

    const sendError = (err) => {
      const e = fromChdbError(err);
      const body = Buffer.from(renderBody(e, engine.version));
      if (res.headersSent) { res.end(); return; }
      res.writeHead(e.status, {
        ...baseHeaders,
        'Content-Type': 'text/plain; charset=UTF-8',
        'X-ClickHouse-Exception-Code': String(e.chCode),
        'Content-Length': body.length,
      });
      res.end(body);
    };

    try {
      // Health endpoints (no auth, as in ClickHouse).
      if (url.pathname === '/ping' || url.pathname === '/replicas_status') {
        return sendOk(res, baseHeaders, req.method === 'HEAD');
      }
      if (req.method !== 'GET' && req.method !== 'POST' && req.method !== 'HEAD') {
        throw new ClickHouseError(1, `HTTP method ${req.method} is not supported`);
      }
      const rawBody = req.method === 'POST' ? await readBody(req, bodyLimit) : Buffer.alloc(0);
      const queryParam = params.get('query');
      if (queryParam === null && rawBody.length === 0) {
        // "GET /" is ClickHouse's other health check.
        return sendOk(res, baseHeaders, req.method === 'HEAD');
      }

      if (opts.user !== undefined) {
        const c = credentials(req, params);
        if (!safeEqual(c.user, opts.user) || !safeEqual(c.password, opts.password || '')) {
          throw new ClickHouseError(516, `${c.user}: Authentication failed: password is incorrect, or there is no user with such name`);
        }
      }
      // Native (LZ4 + CityHash) compression is ClickHouse-specific framing that this
      // stand-in does not implement; say so instead of returning bytes the client misreads.
      if (params.get('compress') === '1' || params.get('decompress') === '1') {
        throw new ClickHouseError(48, 'ClickHouse native compression (compress=1 / decompress=1) is not supported by clickhouse-chdb; configure the client with compress=false (JDBC: compress=false)');
      }
      const body = decodeBody(rawBody, req.headers['content-encoding']);

      // Database, format and settings.
      const database = params.get('database') || req.headers['x-clickhouse-database'] || undefined;
      const defaultFormat = req.headers['x-clickhouse-format'] || params.get('default_format') || 'TabSeparated';
      const settings = [];
      const bound = {};
      for (const [k, v] of params) {
        if (k.startsWith('param_')) bound[k.slice(6)] = v;
        else if (q.isSettingName(k) && k !== 'readonly') settings.push([k, v]);
      }
      const readonlyParam = params.get('readonly');
      if (readonlyParam !== null) settings.push(['readonly', readonlyParam]);
      const hasParams = Object.keys(bound).length > 0;

      // As in ClickHouse: the statement is the query parameter followed by a newline and
      // the body, or the body alone.
      const statementHead = queryParam !== null ? queryParam : body.subarray(0, 65536).toString('utf8');
      const insert = q.isInsert(statementHead);
      if (req.method === 'GET' && !q.isReadOnly(statementHead)) {
        throw new ClickHouseError(164, 'Cannot execute query in readonly mode. For queries over HTTP, method GET implies readonly. You should use method POST for modifying queries');
      }

      const job = { database, settings, readonly: req.method === 'GET', format: defaultFormat };
      let resultFormat = defaultFormat;
      const inline = insert && !hasParams && queryParam === null ? q.splitInlineInsert(body) : undefined;
      if (insert && !hasParams && (queryParam !== null ? body.length > 0 : inline && inline.dataOffset < body.length)) {
        // Keep the data as bytes (RowBinary, Native must not pass through a JS string); the
        // engine reads them from a spool file (see insertFromInfile for why).
        job.insertStatement = queryParam !== null ? queryParam : inline.statement;
        job.insertData = queryParam !== null ? body : body.subarray(inline.dataOffset);
      } else if (insert && !hasParams && queryParam === null && inline) {
        job.sql = inline.statement; // INSERT ... FORMAT X with no data: nothing to insert
      } else {
        job.sql = queryParam !== null
          ? (body.length ? queryParam + '\n' + body.toString('utf8') : queryParam)
          : body.toString('utf8');
        if (hasParams) job.params = bound;
        resultFormat = q.explicitFormat(job.sql) || defaultFormat;
      }

      if (opts.logQueries) log(`query ${queryId}: ${(job.sql || statementHead).slice(0, 300).replace(/\s+/g, ' ')}`);
      const t0 = process.hrtime.bigint();
      const r = await engine.execute(job);
      const elapsedNs = process.hrtime.bigint() - t0;

      const summary = {
        read_rows: String(r.readRows), read_bytes: String(r.readBytes),
        written_rows: String(r.writtenRows), written_bytes: String(r.writtenBytes),
        total_rows_to_read: String(r.readRows), result_rows: String(insert ? r.writtenRows : 0),
        result_bytes: String(insert ? r.writtenBytes : r.body.length),
        elapsed_ns: String(r.elapsed ? Math.round(r.elapsed * 1e9) : elapsedNs),
        memory_usage: '0',
      };
      const headers = {
        ...baseHeaders,
        'Content-Type': q.contentTypeFor(resultFormat),
        'X-ClickHouse-Format': resultFormat,
        'X-ClickHouse-Summary': JSON.stringify(summary),
      };
      let out = r.body;
      const enc = pickResponseEncoding(params, req.headers['accept-encoding']);
      if (enc && out.length) { out = ENCODERS[enc](out); headers['Content-Encoding'] = enc; }
      headers['Content-Length'] = out.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : out);
    } catch (err) {
      const e = fromChdbError(err);
      if (e.status >= 500 && !(err instanceof ClickHouseError)) log(`query ${queryId} failed: ${e.chCode} ${e.message}`);
      sendError(e);
    }
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e) => {
      log(`internal error: ${e && e.stack}`);
      try { if (!res.headersSent) res.writeHead(500); res.end(); } catch (_) { /* socket gone */ }
    });
  });
  // ClickHouse keeps idle HTTP connections 30 s (Node's default of 5 s makes pooling clients
  // such as Apache HttpClient hit closed sockets: NoHttpResponseException).
  server.keepAliveTimeout = 30000;
  server.headersTimeout = 35000;
  server.requestTimeout = 0;
  return server;
}

function sendOk(res, headers, head) {
  res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=UTF-8', 'Content-Length': 4 });
  res.end(head ? undefined : 'Ok.\n');
}

// Response compression only when asked for twice, as in ClickHouse:
// enable_http_compression=1 and an Accept-Encoding we can produce.
function pickResponseEncoding(params, acceptEncoding) {
  if (params.get('enable_http_compression') !== '1' || !acceptEncoding) return undefined;
  const offered = acceptEncoding.split(',').map((s) => s.trim().split(';')[0].toLowerCase());
  return ['gzip', 'br', 'deflate'].find((e) => offered.includes(e));
}

module.exports = { createServer };
