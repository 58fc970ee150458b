// Scale-out on the 15 configs Kallithea's generator writes, for every server: the
// files load in Python's configparser, linted together they give no warning and no
// error, the settings instances must share agree, and every line of the original
// is still in each config.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { compareInstances } from '../../server/src/core/model/site';
import { ConfigModel } from '../../server/src/core/model/model';
import { APP_SERVERS, type ScaleOutOptions } from '../../server/src/core/scale-out/options';
import { prepareScaleOut } from '../../server/src/host/scale-out';
import { runOracle } from '../helpers/oracle';
import { corpusFiles } from '../helpers/paths';
import { missingLine, siteFindings } from '../helpers/scale-out';

const counter = () => {
  let n = 0;
  return (digits: number) => (++n).toString(16).padStart(digits, 'f');
};

function optionsFor(file: string, server: ScaleOutOptions['server'], variant: number): ScaleOutOptions {
  const mysql = file.includes('mysql');
  return {
    server,
    workers: variant % 2 ? 3 : 4,
    hosts: variant % 3 === 0 ? ['web1', 'web2', 'web3'] : ['web1.internal', 'web2.internal'],
    port: 5000,
    // A password with a URL-encoded character: the config must write it as %%.
    databaseUrl: mysql ? 'mysql://kallithea:p%40ss@db.internal/kallithea' : 'postgresql://kallithea:p%40ss@db.internal/kallithea',
    sharedDir: '/srv/kallithea-shared/data',
    publicUrl: variant % 2 ? 'https://code.example.org/kallithea' : variant % 4 === 0 ? '' : 'http://code.example.org',
    front: variant % 2 ? 'apache' : 'nginx',
    staticPath: '/srv/kallithea/public',
    brokerUrl: undefined,
  };
}

test('every corpus config, scaled out on every server, gives a site with no warning or error that Python loads', (t) => {
  const files = corpusFiles();
  if (files.length === 0) return t.skip('the corpus is not here');
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'scale-out-corpus-'));
  const written: string[] = [];
  const failures: string[] = [];
  let variant = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    for (const server of APP_SERVERS) {
      const out = path.join(scratch, `${path.basename(file, '.ini')}-${server}`);
      const options = optionsFor(file, server, variant++);
      const result = prepareScaleOut({ path: file, text }, out, options, [], counter());
      if (!result.ok) {
        failures.push(`${file} on ${server}: ${result.problems.map((p) => p.message).join('; ')}`);
        continue;
      }
      for (const f of result.prepared.files) {
        fs.mkdirSync(path.dirname(f.path), { recursive: true });
        fs.writeFileSync(f.path, f.text);
      }
      const instances = result.prepared.plan.files.filter((f) => f.role === 'instance').map((f) => path.join(out, f.path));
      assert.equal(instances.length, options.hosts.length * (server === 'waitress' ? options.workers : 1));
      written.push(...instances);
      for (const { file: at, diagnostic } of siteFindings(out, instances)) failures.push(`${at}:${diagnostic.range.start.line + 1} ${diagnostic.rule}: ${diagnostic.message}`);
      const comparison = compareInstances(instances.map((p) => ({ path: p, model: ConfigModel.fromText(fs.readFileSync(p, 'utf8'), { filePath: p }) })));
      for (const row of comparison.rows.filter((r) => r.mustAgree && r.differs)) failures.push(`${out}: instances differ on ${row.key}`);
      for (const p of instances) {
        const missing = missingLine(text, fs.readFileSync(p, 'utf8'));
        if (missing !== undefined) failures.push(`${p} lost the line ${JSON.stringify(missing)}`);
      }
    }
  }
  assert.deepEqual(failures, []);
  // Python reads each file, and the database URL comes back as it was typed.
  for (const r of runOracle(written)) {
    assert.equal(r.readError, null, `${r.file}: ${r.detail}`);
    const url = r.interpolated?.['app:main']?.['sqlalchemy.url'];
    assert.ok(url && 'ok' in url && /p%40ss@db\.internal\/kallithea/.test(url.ok), `${r.file}: ${JSON.stringify(url)}`);
  }
  fs.rmSync(scratch, { recursive: true, force: true });
});
