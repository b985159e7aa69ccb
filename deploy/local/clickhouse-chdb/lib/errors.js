'use strict';
// Turns chDB failures into the error responses a ClickHouse server sends over HTTP:
// the status code, the X-ClickHouse-Exception-Code header and a text body of the form
// "Code: N. DB::Exception: message. (NAME) (version X)". Clients key on the header and
// on the "Code: N. DB::Exception:" prefix in the body (clickhouse-java's readError does).

// A small subset of ClickHouse's error-code names, used for errors this server raises
// itself; chDB's own messages already carry "(NAME)".
const NAMES = {
  1: 'UNSUPPORTED_METHOD',
  27: 'CANNOT_PARSE_INPUT_ASSERTION_FAILED',
  48: 'NOT_IMPLEMENTED',
  62: 'SYNTAX_ERROR',
  164: 'READONLY',
  516: 'AUTHENTICATION_FAILED',
  1000: 'POCO_EXCEPTION',
};

// Mirrors the mapping in ClickHouse's HTTPHandler (exceptionCodeToHTTPStatus), reduced to
// the codes a development stand-in is likely to produce. Everything else is 500.
const STATUS_BY_CODE = new Map([
  // 401: authentication
  [192, 401], [193, 401], [194, 401], [516, 401],
  // 403: not allowed
  [164, 403], [497, 403], [291, 403],
  // 400: the request itself is wrong
  [6, 400], [26, 400], [27, 400], [32, 400], [33, 400], [36, 400], [38, 400], [41, 400],
  [42, 400], [43, 400], [44, 400], [46, 400], [47, 400], [49, 400], [53, 400], [62, 400],
  [69, 400], [70, 400], [72, 400], [115, 400], [117, 400], [130, 400], [131, 400],
  [184, 400], [190, 400], [352, 400], [386, 400], [456, 400], [457, 400], [10, 400],
  [16, 400], [20, 400], [35, 400], [63, 400], [125, 400],
  // 404: unknown object
  [60, 404], [81, 404], [73, 404], [21, 404], [50, 404], [107, 404],
  // others
  [48, 501], [1, 415], [159, 504], [241, 507], [202, 503],
]);

function statusForCode(code) {
  return STATUS_BY_CODE.get(code) || 500;
}

class ClickHouseError extends Error {
  constructor(code, message, name) {
    super(message);
    this.chCode = code;
    this.chName = name || NAMES[code] || 'UNKNOWN_EXCEPTION';
    this.status = statusForCode(code);
  }
}

// chDB messages look like "Code: 60. DB::Exception: <text>. (UNKNOWN_TABLE)" and sometimes
// nest the prefix ("Code: 73. DB::Exception: Code: 73. DB::Exception: ... (version ..)").
// Extract code, name and the innermost text so the body is rendered exactly once.
function fromChdbError(err) {
  if (err instanceof ClickHouseError) return err;
  const raw = String((err && err.message) || err || 'unknown error').trim();
  let code = err && Number.isInteger(err.clickhouseCode) ? err.clickhouseCode : undefined;
  const m = /Code:\s*(\d+)\.\s*DB::Exception:\s*/.exec(raw);
  if (code === undefined && m) code = Number(m[1]);
  if (code === undefined) code = 1001; // STD_EXCEPTION
  let text = raw;
  // strip every leading "Code: N. DB::Exception: " prefix
  for (;;) {
    const p = /^(?:Code:\s*\d+\.\s*)?DB::Exception:\s*/.exec(text);
    if (!p || p[0].length === 0) break;
    text = text.slice(p[0].length);
  }
  // strip trailing "(NAME)" and "(version ...)" decorations, possibly repeated
  let name;
  for (;;) {
    const t = /\s*(?:\.\s*)?\((?:version [^)]*(?:\([^)]*\))?[^)]*|[A-Z][A-Z0-9_]+)\)\s*\.?\s*$/.exec(text);
    if (!t) break;
    const n = /^\s*\.?\s*\(([A-Z][A-Z0-9_]+)\)/.exec(t[0]);
    if (n && !name) name = n[1];
    text = text.slice(0, t.index);
  }
  const e = new ClickHouseError(code, text, name);
  return e;
}

// Body exactly as ClickHouse renders it (one line, trailing newline).
function renderBody(err, version) {
  let text = err.message.replace(/\s+$/, '');
  if (!/[.!?]$/.test(text)) text += '.';
  return `Code: ${err.chCode}. DB::Exception: ${text} (${err.chName}) (version ${version})\n`;
}

module.exports = { ClickHouseError, fromChdbError, renderBody, statusForCode };
