'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const zlib = require('node:zlib');
const fs = require('node:fs');
const { startServer, tempDataDir, ch, ok } = require('./helpers');

let srv;
let dataDir;

before(async () => {
  dataDir = tempDataDir();
  srv = await startServer(dataDir);
});

after(async () => {
  if (srv) await srv.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('ping, root and replicas_status answer Ok.', async () => {
  for (const p of ['/ping', '/', '/replicas_status']) {
    const res = await fetch(srv.base + p);
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'Ok.\n');
  }
});

test('SELECT over GET, default TabSeparated, ClickHouse headers', async () => {
  const res = await fetch(`${srv.base}/?query=${encodeURIComponent('SELECT version(), currentUser(), 1+1')}&query_id=my-qid`);
  assert.equal(res.status, 200);
  const text = await res.text();
  assert.match(text, /^26\.\d+\.\d+\.\d+\tdefault\t2\n$/);
  assert.equal(res.headers.get('x-clickhouse-query-id'), 'my-qid');
  assert.equal(res.headers.get('x-clickhouse-format'), 'TabSeparated');
  assert.equal(res.headers.get('x-clickhouse-timezone'), 'UTC');
  assert.ok(res.headers.get('x-clickhouse-server-display-name'));
  assert.match(res.headers.get('content-type'), /tab-separated-values/);
  const summary = JSON.parse(res.headers.get('x-clickhouse-summary'));
  assert.equal(summary.read_rows, '1');
});

test('GET refuses modifying statements', async () => {
  const res = await fetch(`${srv.base}/?query=${encodeURIComponent('CREATE TABLE nope (a UInt8) ENGINE=Memory')}`);
  assert.equal(res.status, 403);
  assert.equal(res.headers.get('x-clickhouse-exception-code'), '164');
});

test('DDL, INSERT with JSONEachRow / TabSeparated / RowBinary bodies, SELECT in several formats', async () => {
  await ok(srv.base, { body: 'CREATE DATABASE IF NOT EXISTS d1' });
  await ok(srv.base, { body: 'CREATE TABLE t1 (id UInt32, s String) ENGINE = MergeTree ORDER BY id', params: { database: 'd1' } });

  const j = await ok(srv.base, { query: 'INSERT INTO t1 FORMAT JSONEachRow', body: '{"id":1,"s":"json"}\n{"id":2,"s":"two"}\n', params: { database: 'd1' } });
  assert.equal(JSON.parse(j.headers.get('x-clickhouse-summary')).written_rows, '2');
  await ok(srv.base, { query: 'INSERT INTO t1 FORMAT TabSeparated', body: '3\ttab\\tbed\n', headers: { 'X-ClickHouse-Database': 'd1' } });
  // RowBinary: UInt32 little-endian, String = varint length + bytes (with a NUL and 0xFF).
  const rb = Buffer.from([4, 0, 0, 0, 4, 0x61, 0x00, 0xff, 0x0a]);
  await ok(srv.base, { query: 'INSERT INTO d1.t1 FORMAT RowBinary', body: rb });
  // whole statement with inline data in the body
  await ok(srv.base, { body: 'INSERT INTO d1.t1 VALUES (5, \'values\')' });

  const tsv = await ok(srv.base, { body: 'SELECT id, s FROM d1.t1 WHERE id < 4 ORDER BY id' });
  assert.equal(tsv.text, '1\tjson\n2\ttwo\n3\ttab\\tbed\n');
  const hex = await ok(srv.base, { body: 'SELECT hex(s) FROM d1.t1 WHERE id = 4' });
  assert.equal(hex.text, '6100FF0A\n');

  const json = await ok(srv.base, { body: 'SELECT count() AS c FROM d1.t1 FORMAT JSON' });
  assert.equal(json.headers.get('x-clickhouse-format'), 'JSON');
  assert.match(json.headers.get('content-type'), /application\/json/);
  assert.equal(JSON.parse(json.text).data[0].c, 5);

  const csv = await ok(srv.base, { body: 'SELECT id FROM d1.t1 ORDER BY id LIMIT 2', params: { default_format: 'CSV' } });
  assert.equal(csv.text, '1\n2\n');
  assert.equal(csv.headers.get('x-clickhouse-format'), 'CSV');

  // The JDBC driver's format: binary bytes must come back untouched.
  const bin = await ok(srv.base, { body: 'SELECT s FROM d1.t1 WHERE id = 4', headers: { 'X-ClickHouse-Format': 'RowBinaryWithNamesAndTypes' } });
  assert.equal(bin.headers.get('content-type'), 'application/octet-stream');
  const expected = Buffer.concat([Buffer.from([1, 1]), Buffer.from('s'), Buffer.from([6]), Buffer.from('String'), Buffer.from([4, 0x61, 0x00, 0xff, 0x0a])]);
  assert.deepEqual(bin.body, expected);
});

test('binary INSERT data arrives byte for byte, newline pairs included', async () => {
  await ok(srv.base, { body: 'CREATE TABLE nl (id UInt64, s String) ENGINE = MergeTree ORDER BY id' });
  // chDB's raw-insert entry point cut RowBinary data at two consecutive 0x0A bytes (here inside
  // the UInt64 0x0a0a00 and the string "\n\n"); every row must arrive as sent.
  const row = (id, s) => {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(id));
    return Buffer.concat([b, Buffer.from([Buffer.byteLength(s)]), Buffer.from(s)]);
  };
  const rows = Buffer.concat([row(0x0a0a00, '\n\n'), row(0x0a0a0a0a, 'a\n\nb'), row(7, 'x')]);
  const r = await ok(srv.base, { query: 'INSERT INTO nl (id, s) SETTINGS insert_deduplicate = 1 FORMAT RowBinary', body: rows });
  assert.equal(JSON.parse(r.headers.get('x-clickhouse-summary')).written_rows, '3');
  // The whole statement in the body, data after the FORMAT name and one newline.
  await ok(srv.base, { body: Buffer.concat([Buffer.from('INSERT INTO nl FORMAT RowBinary\n'), row(0x0a0a, '\n')]) });
  const out = await ok(srv.base, { body: 'SELECT id, hex(s) FROM nl ORDER BY id' });
  assert.equal(out.text, '7\t78\n2570\t0A\n657920\t0A0A\n168430090\t610A0A62\n');
});

test('INSERT ... VALUES whose text contains the word "format" is SQL, not a FORMAT clause', async () => {
  // Event text such as "Unknown format code 'd'" once made the endpoint split the statement at
  // the word and fail the insert with a syntax error, forever, for the processor retrying it.
  await ok(srv.base, { body: 'CREATE TABLE fmt (id UInt32, s String) ENGINE = MergeTree ORDER BY id' });
  await ok(srv.base, {
    body: "INSERT INTO fmt (`id`, `s`) SETTINGS insert_deduplicate = 1 VALUES (1, 'ValueError: Unknown format code ''d'''), (2, 'format while parsing'), (3, 'FORMAT RowBinary')",
  });
  await ok(srv.base, { body: 'INSERT INTO fmt SELECT 4, \'bad format string\'' });
  const out = await ok(srv.base, { body: 'SELECT id, s FROM fmt ORDER BY id' });
  assert.equal(out.text, "1\tValueError: Unknown format code \\'d\\'\n2\tformat while parsing\n3\tFORMAT RowBinary\n4\tbad format string\n");
});

test('param_ substitution is typed and injection-safe', async () => {
  await ok(srv.base, { body: 'CREATE TABLE p1 (id UInt32, s String) ENGINE = MergeTree ORDER BY id' });
  await ok(srv.base, { query: 'INSERT INTO p1 FORMAT JSONEachRow', body: '{"id":1,"s":"a"}\n{"id":2,"s":"it\'s"}\n' });

  const r1 = await ok(srv.base, { body: 'SELECT id FROM p1 WHERE s = {s:String}', params: { param_s: "it's" } });
  assert.equal(r1.text, '2\n');
  // A classic injection attempt is just a string value that matches nothing.
  const r2 = await ok(srv.base, { body: 'SELECT count() FROM p1 WHERE s = {s:String}', params: { param_s: "a' OR '1'='1" } });
  assert.equal(r2.text, '0\n');
  const r3 = await ch(srv.base, { body: 'SELECT count() FROM p1 WHERE id = {id:UInt32}', params: { param_id: '1 OR 1=1' } });
  assert.notEqual(r3.status, 200);
  assert.equal(r3.headers.get('x-clickhouse-exception-code'), '457');
  const r4 = await ok(srv.base, {
    body: "SELECT {a:Array(String)} AS a, {t:DateTime64(9, 'UTC')} AS t, {m:Map(String, UInt8)} AS m, {u:UUID} AS u FORMAT JSONEachRow",
    params: { param_a: "['x','y\\'z']", param_t: '2024-01-02 03:04:05.123456789', param_m: "{'k':1}", param_u: '00000000-0000-0000-0000-000000000001' },
  });
  assert.deepEqual(JSON.parse(r4.text), { a: ['x', "y'z"], t: '2024-01-02 03:04:05.123456789', m: { k: 1 }, u: '00000000-0000-0000-0000-000000000001' });
  // the table is still there
  assert.equal((await ok(srv.base, { body: 'SELECT count() FROM p1' })).text, '2\n');
});

test('settings pass through; insert_deduplication_token drops a repeated insert', async () => {
  const r = await ok(srv.base, { body: "SELECT getSetting('max_result_rows'), getSetting('async_insert')", params: { max_result_rows: '7', async_insert: '1' } });
  assert.equal(r.text, '7\ttrue\n');
  // max_result_rows really applies
  const tooMany = await ch(srv.base, { body: 'SELECT number FROM numbers(100000)', params: { max_result_rows: '10', result_overflow_mode: 'throw' } });
  assert.notEqual(tooMany.status, 200);
  assert.equal(tooMany.headers.get('x-clickhouse-exception-code'), '396');

  await ok(srv.base, { body: 'CREATE TABLE dd (id UInt32) ENGINE = MergeTree ORDER BY id SETTINGS non_replicated_deduplication_window = 100' });
  const ins = (token) => ok(srv.base, { query: 'INSERT INTO dd FORMAT TabSeparated', body: '1\n2\n3\n', params: { insert_deduplication_token: token } });
  await ins('batch-1');
  await ins('batch-1');
  assert.equal((await ok(srv.base, { body: 'SELECT count() FROM dd' })).text, '3\n');
  await ins('batch-2');
  assert.equal((await ok(srv.base, { body: 'SELECT count() FROM dd' })).text, '6\n');
  // async inserts (as services send them) land when waited for
  await ok(srv.base, { query: 'INSERT INTO dd FORMAT TabSeparated', body: '9\n', params: { async_insert: '1', wait_for_async_insert: '1' } });
  assert.equal((await ok(srv.base, { body: 'SELECT count() FROM dd WHERE id = 9' })).text, '1\n');
  // settings do not leak into the next request
  assert.equal((await ok(srv.base, { body: "SELECT getSetting('insert_deduplication_token')" })).text, '\n');
});

test('error responses look like ClickHouse', async () => {
  const r = await ch(srv.base, { body: 'SELECT * FROM no_such_table' });
  assert.equal(r.status, 404);
  assert.equal(r.headers.get('x-clickhouse-exception-code'), '60');
  assert.match(r.text, /^Code: 60\. DB::Exception: .*no_such_table.* \(UNKNOWN_TABLE\) \(version 26\.[\d.]+\)\n$/);
  const s = await ch(srv.base, { body: 'SELEC 1' });
  assert.equal(s.status, 400);
  assert.equal(s.headers.get('x-clickhouse-exception-code'), '62');
  assert.match(s.text, /^Code: 62\. DB::Exception: Syntax error/);
  const db = await ch(srv.base, { body: 'SELECT 1', params: { database: 'no_such_db' } });
  assert.equal(db.headers.get('x-clickhouse-exception-code'), '81');
  // server still healthy afterwards
  assert.equal((await ok(srv.base, { body: 'SELECT 1' })).text, '1\n');
});

test('gzip and deflate request bodies; gzip response when asked', async () => {
  await ok(srv.base, { body: 'CREATE TABLE gz (id UInt32) ENGINE = MergeTree ORDER BY id' });
  await ok(srv.base, { query: 'INSERT INTO gz FORMAT TabSeparated', body: zlib.gzipSync('1\n2\n'), headers: { 'Content-Encoding': 'gzip' } });
  await ok(srv.base, { body: zlib.deflateSync('INSERT INTO gz VALUES (3)'), headers: { 'Content-Encoding': 'deflate' } });
  const r = await ok(srv.base, { body: 'SELECT sum(id) FROM gz' });
  assert.equal(r.text, '6\n');
  const bad = await ch(srv.base, { body: 'SELECT 1', headers: { 'Content-Encoding': 'lz4' } });
  assert.equal(bad.status, 415);
  // fetch decodes Content-Encoding transparently; check the header and the decoded text.
  const c = await ok(srv.base, { body: 'SELECT 42', params: { enable_http_compression: '1' }, headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(c.headers.get('content-encoding'), 'gzip');
  assert.equal(c.text, '42\n');
});

test('large INSERT body (tens of MB)', async () => {
  await ok(srv.base, { body: 'CREATE TABLE big (id UInt64, s String) ENGINE = MergeTree ORDER BY id' });
  const rows = [];
  const pad = 'x'.repeat(200);
  for (let i = 0; i < 150000; i++) rows.push(`{"id":${i},"s":"${pad}"}`);
  const body = rows.join('\n') + '\n';
  assert.ok(body.length > 30 * 1024 * 1024);
  await ok(srv.base, { query: 'INSERT INTO big FORMAT JSONEachRow', body });
  assert.equal((await ok(srv.base, { body: 'SELECT count(), sum(id) FROM big' })).text, `150000\t${(149999 * 150000) / 2}\n`);
});

test('concurrent requests are all answered correctly, failures do not crash', async () => {
  await ok(srv.base, { body: 'CREATE TABLE conc (id UInt32) ENGINE = MergeTree ORDER BY id' });
  const jobs = [];
  for (let i = 0; i < 40; i++) {
    if (i % 5 === 0) jobs.push(ch(srv.base, { body: 'SELECT * FROM missing_table' }).then((r) => assert.equal(r.status, 404)));
    else if (i % 3 === 0) jobs.push(ok(srv.base, { query: 'INSERT INTO conc FORMAT TabSeparated', body: `${i}\n` }));
    else jobs.push(ok(srv.base, { body: 'SELECT {n:UInt32} * 2', params: { param_n: String(i) } }).then((r) => assert.equal(r.text, `${i * 2}\n`)));
  }
  await Promise.all(jobs);
  const expected = [...Array(40).keys()].filter((i) => i % 5 !== 0 && i % 3 === 0).length;
  assert.equal((await ok(srv.base, { body: 'SELECT count() FROM conc' })).text, `${expected}\n`);
});

test('restart keeps tables and rows', async () => {
  const dir = tempDataDir();
  let s = await startServer(dir);
  try {
    await ok(s.base, { body: 'CREATE TABLE keep (id UInt32, s String) ENGINE = MergeTree ORDER BY id' });
    await ok(s.base, { query: 'INSERT INTO keep FORMAT JSONEachRow', body: '{"id":1,"s":"a"}\n{"id":2,"s":"b"}\n' });
  } finally {
    await s.stop();
  }
  s = await startServer(dir);
  try {
    assert.equal((await ok(s.base, { body: 'SELECT id, s FROM keep ORDER BY id' })).text, '1\ta\n2\tb\n');
  } finally {
    await s.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('credentials are required when --user/--password are given', async () => {
  const dir = tempDataDir();
  const s = await startServer(dir, ['--user', 'vigil', '--password', 's3cret']);
  try {
    const anon = await ch(s.base, { body: 'SELECT 1' });
    assert.equal(anon.status, 401);
    assert.equal(anon.headers.get('x-clickhouse-exception-code'), '516');
    const basic = await ch(s.base, { body: 'SELECT 1', headers: { Authorization: 'Basic ' + Buffer.from('vigil:s3cret').toString('base64') } });
    assert.equal(basic.text, '1\n');
    const hdr = await ch(s.base, { body: 'SELECT 1', headers: { 'X-ClickHouse-User': 'vigil', 'X-ClickHouse-Key': 's3cret' } });
    assert.equal(hdr.text, '1\n');
    const prm = await ch(s.base, { body: 'SELECT 1', params: { user: 'vigil', password: 's3cret' } });
    assert.equal(prm.text, '1\n');
    const wrong = await ch(s.base, { body: 'SELECT 1', params: { user: 'vigil', password: 'nope' } });
    assert.equal(wrong.status, 401);
    // health check needs no credentials
    assert.equal((await fetch(s.base + '/ping')).status, 200);
  } finally {
    await s.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
