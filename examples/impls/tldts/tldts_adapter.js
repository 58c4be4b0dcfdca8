// A `cabref vectors --impl` adapter for tldts 7.6.4 (npm): it answers the PslTest requests of
// vectors/psl.json with tldts.parse (spec/tally-formats.md §5).
//
//   node tldts_adapter.js
//
// tldts compiles its own copy of the list into the package and cannot load another: the pinned
// list of the vectors is not used (answers follow tldts's newer list) and tests that carry their
// own list are answered "unsupported". Options: "private" is tldts's allowPrivateDomains (without
// it only the ICANN section counts, as BR 3.2.2.6 wants); "no-star" and "wildcard-parent" have no
// counterpart. tldts validates host names but gives no reason: a name it calls invalid (hostname
// or public suffix null) is answered "invalid" with reason "tldts-invalid"; an IP address
// (isIp) is answered "invalid" with reason "tldts-ip". It does not say which rule matched ("rule",
// "kind" unanswered). Answers are written in A-labels with Node's url.domainToASCII (the vectors'
// form); nothing of cabref is used.
'use strict';
const readline = require('readline');
const url = require('url');
const tldts = require('tldts');

function alabels(s) {
  if (s === null || s === undefined) return null;
  const a = url.domainToASCII(s);
  return a === '' ? s : a;
}

function answer(req) {
  const input = req.input || {};
  const name = input.name;
  if (req.type !== 'PslTest' || typeof name !== 'string') {
    return { tcId: req.tcId, result: 'unsupported', detail: 'only PslTest' };
  }
  if ('list' in input || 'listHex' in input) {
    return { tcId: req.tcId, result: 'unsupported',
      detail: 'the list is compiled into the package: no other list can be loaded' };
  }
  const options = input.options || [];
  const r = tldts.parse(name, { allowPrivateDomains: options.includes('private') });
  const base = { tcId: req.tcId, unanswered: ['rule', 'kind', 'listRules', 'listWarnings', 'line', 'column'] };
  if (r.isIp) {
    return Object.assign(base, { result: 'invalid', reason: ['tldts-ip'], detail: 'isIp' });
  }
  if (r.hostname === null || r.publicSuffix === null) {
    return Object.assign(base, { result: 'invalid', reason: ['tldts-invalid'],
      detail: 'hostname ' + JSON.stringify(r.hostname) + ', publicSuffix ' + JSON.stringify(r.publicSuffix) });
  }
  return Object.assign(base, { result: 'valid', reason: [], publicSuffix: alabels(r.publicSuffix),
    registrableDomain: alabels(r.domain) });
}

const rl = readline.createInterface({ input: process.stdin, terminal: false });
rl.on('line', (line) => {
  let resp;
  try {
    resp = answer(JSON.parse(line));
  } catch (e) {
    resp = { result: 'unsupported', detail: 'request not JSON: ' + e.message };
  }
  process.stdout.write(JSON.stringify(resp) + '\n');
});
