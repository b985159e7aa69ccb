'use strict';
// Helpers that look at the SQL text just enough to route a request: is it an INSERT (data
// may follow and must stay bytes), is it read-only (allowed over GET), which FORMAT does it
// name (for the X-ClickHouse-Format / Content-Type response headers), and which URL
// parameters are ClickHouse settings. Parameter values ({name:Type}) are NOT substituted
// here: they are handed to the engine's own query-parameter binding, which parses each value
// as its declared type, so no value can change the statement.

// Skip whitespace and SQL comments at the start of a statement.
function skipLeadingNoise(sql) {
  let i = 0;
  for (;;) {
    while (i < sql.length && /\s/.test(sql[i])) i++;
    if (sql.startsWith('--', i) || sql.startsWith('#!', i) || sql.startsWith('# ', i)) {
      const nl = sql.indexOf('\n', i);
      if (nl < 0) return sql.length;
      i = nl + 1;
    } else if (sql.startsWith('/*', i)) {
      const end = sql.indexOf('*/', i + 2);
      if (end < 0) return sql.length;
      i = end + 2;
    } else {
      return i;
    }
  }
}

function firstKeyword(sql) {
  const m = /^[A-Za-z]+/.exec(sql.slice(skipLeadingNoise(sql), skipLeadingNoise(sql) + 64));
  return m ? m[0].toUpperCase() : '';
}

function isInsert(sql) {
  return firstKeyword(sql) === 'INSERT';
}

// What ClickHouse lets through with readonly=1/2 (an HTTP GET). The engine enforces it too
// (we SET readonly=2 for GET); this check only gives an early, clear answer.
const READ_ONLY = new Set(['SELECT', 'WITH', 'SHOW', 'DESCRIBE', 'DESC', 'EXISTS', 'EXPLAIN', 'CHECK', 'SET', 'USE']);
function isReadOnly(sql) {
  return READ_ONLY.has(firstKeyword(sql));
}

// The FORMAT named at the end of a statement ("... FORMAT JSON" optionally followed by a
// SETTINGS clause and/or a semicolon). Only the tail is inspected: enough for headers.
function explicitFormat(sql) {
  const tail = sql.length > 4096 ? sql.slice(-4096) : sql;
  const m = /\bFORMAT\s+([A-Za-z][A-Za-z0-9_]*)\s*(?:SETTINGS\s[\s\S]*?)?;?\s*$/i.exec(tail);
  return m ? m[1] : undefined;
}

// For an INSERT, the data format named in the statement (INSERT ... FORMAT X).
function insertFormat(sql) {
  const m = /\bFORMAT\s+([A-Za-z][A-Za-z0-9_]*)/i.exec(sql);
  return m ? m[1] : undefined;
}

// An INSERT whose data travels in the body after the statement ("INSERT INTO t FORMAT X\n<data>"):
// the statement and the byte offset where the data starts, or undefined when the statement
// names no FORMAT (VALUES, SELECT), i.e. it is all SQL text. As in ClickHouse, the data starts
// after the format name, the blanks after it, and at most one newline.
function splitInlineInsert(body) {
  const head = body.subarray(0, 65536).toString('latin1');
  const m = formatClause(head);
  if (!m) return undefined;
  let i = m.index + m[0].length;
  while (i < head.length && (head[i] === ' ' || head[i] === '\t' || head[i] === '\r')) i++;
  if (head[i] === '\n') i++;
  return { statement: body.subarray(0, m.index + m[0].length).toString('utf8'), dataOffset: i };
}

// The statement's FORMAT clause, when it comes before any VALUES, SELECT or WITH outside quotes.
// Only the first such keyword counts: in "INSERT ... VALUES (1, 'bad format string')" the word is
// inside the statement's own data, and taking it for a clause turns the rest into garbage.
function formatClause(head) {
  const token = /'(?:[^'\\]|\\[\s\S]|'')*'|"(?:[^"\\]|\\[\s\S])*"|`(?:[^`\\]|\\[\s\S])*`|\b(FORMAT\s+[A-Za-z][A-Za-z0-9_]*|VALUES|SELECT|WITH)\b/gi;
  for (let m = token.exec(head); m; m = token.exec(head)) {
    if (m[1]) return /^FORMAT/i.test(m[1]) ? m : undefined;
  }
  return undefined;
}

// The INSERT statement rewritten to read its data from a file: "FROM INFILE '<path>'" goes
// where ClickHouse's grammar wants it, after the table and column list and before SETTINGS /
// FORMAT. Why a file: chDB's raw-insert entry point corrupts binary data that contains two
// consecutive newline bytes (0x0A 0x0A, e.g. inside a RowBinary DateTime64), while INFILE
// reads the bytes as they are.
function insertFromInfile(statement, file) {
  const literal = "'" + file.replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "'";
  const format = /\bFORMAT\s+[A-Za-z][A-Za-z0-9_]*\s*;?\s*$/i.exec(statement);
  if (!format) throw new Error('an INSERT with data needs a FORMAT clause');
  const before = statement.slice(0, format.index);
  const settings = /\bSETTINGS\s[\s\S]*$/i.exec(before);
  const at = settings ? settings.index : format.index;
  return statement.slice(0, at).trimEnd() + ' FROM INFILE ' + literal + ' ' + statement.slice(at).replace(/;\s*$/, '');
}

// URL parameters that belong to the HTTP interface itself; every other parameter is a
// ClickHouse setting (that is how the ClickHouse server reads the query string).
const RESERVED_PARAMS = new Set([
  'query', 'database', 'default_format', 'user', 'password', 'quota_key', 'query_id',
  'session_id', 'session_timeout', 'session_check', 'compress', 'decompress',
  'enable_http_compression', 'http_zlib_compression_level', 'buffer_size',
  'wait_end_of_query', 'role', 'stacktrace', 'client_protocol_version', 'add_http_cors_header',
  'http_native_compression_disable_checksumming_on_decompress', 'send_progress_in_http_headers',
  'http_headers_progress_interval_ms', 'http_wait_end_of_query', 'http_response_buffer_size',
  'extremes_in_http_response', 'output_format_json_quote_64bit_integers_in_http',
]);

function isSettingName(name) {
  return !RESERVED_PARAMS.has(name) && !name.startsWith('param_') && /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name);
}

// Render a setting value from the URL as a SET literal. Numbers (and true/false) go bare so
// numeric/bool settings parse them; anything else becomes a quoted, escaped string, which
// ClickHouse converts to the setting's type.
function settingLiteral(value) {
  if (/^-?\d+(\.\d+)?$/.test(value) || /^(true|false)$/i.test(value)) return value;
  return "'" + value.replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "'";
}

function quoteIdentifier(name) {
  return '`' + name.replace(/\\/g, '\\\\').replace(/`/g, '\\`') + '`';
}

// Content-Type ClickHouse sends for a result format.
function contentTypeFor(format) {
  const f = (format || '').toLowerCase();
  if (f.startsWith('tabseparated') || f.startsWith('tsv')) return 'text/tab-separated-values; charset=UTF-8';
  if (f.startsWith('csv')) return 'text/csv; charset=UTF-8; header=' + (f.includes('names') ? 'present' : 'absent');
  if (f === 'jsoneachrow' || f === 'jsonlines' || f === 'ndjson' || f.startsWith('jsoncompacteachrow') || f.startsWith('jsonstringseachrow')) return 'application/x-ndjson; charset=UTF-8';
  if (f.startsWith('json')) return 'application/json; charset=UTF-8';
  if (f.startsWith('xml')) return 'application/xml; charset=UTF-8';
  if (f.startsWith('rowbinary') || f.startsWith('native') || f.startsWith('parquet') || f.startsWith('arrow') || f.startsWith('orc') || f.startsWith('avro') || f === 'protobuf' || f === 'msgpack' || f === 'npy' || f === 'bsoneachrow') return 'application/octet-stream';
  return 'text/plain; charset=UTF-8';
}

module.exports = {
  isInsert, isReadOnly, explicitFormat, insertFormat, isSettingName, settingLiteral,
  quoteIdentifier, contentTypeFor, firstKeyword, splitInlineInsert, insertFromInfile,
};
