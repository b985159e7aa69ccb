#!/usr/bin/env node
'use strict';
// Run after `npm install` regenerates package-lock.json. The npm registry reachable from the
// project's machines serves chdb's Linux x64 engine package (@chdb/lib-linux-x64-gnu) but
// not the other platform packages chdb lists as optionalDependencies, so npm writes a lock
// without them and `npm ci` then refuses it as "out of sync". Dropping the unresolvable
// optional entries from chdb's lock record makes `npm ci` work on those machines.
const fs = require('fs');
const path = require('path');
const file = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const chdb = lock.packages['node_modules/chdb'];
const removed = [];
for (const name of Object.keys(chdb.optionalDependencies || {})) {
  if (!lock.packages[`node_modules/${name}`]) { delete chdb.optionalDependencies[name]; removed.push(name); }
}
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(removed.length ? `removed from lock: ${removed.join(', ')}` : 'nothing to remove');
