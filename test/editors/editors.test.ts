// Real LSP clients against dist/server.js, headless: Debian's Neovim (0.7) drives
// test/editors/neovim.lua, which writes what it saw as JSON. Run by
// `npm run test:editors` (CI installs the editors first); a missing editor fails.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { corpusFiles, DIST, EXAMPLES, ROOT } from '../helpers/paths';

interface Steps {
  diagnostics: boolean;
  codes: { code: string; line: number; severity: number }[];
  hover?: { kind: string; value: string } | string;
  completion: { label: string; text?: string; format?: number }[];
  actions?: string[];
  quickfix_gone?: boolean;
  fixall_changed: boolean;
}

/** Run the Neovim script on a copy of `config` in a fresh folder (with an optional project file); resolves when nvim exits. */
async function neovim(config: string, project?: object, init?: object): Promise<Steps> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kallithea-nvim-'));
  const file = path.join(dir, path.basename(config));
  fs.copyFileSync(config, file);
  if (project) fs.writeFileSync(path.join(dir, '.kallithea-ini.json'), JSON.stringify(project));
  const result = path.join(dir, 'result.json');
  const env = { ...process.env, KALLITHEA_CONFIG: file, KALLITHEA_RESULT: result, KALLITHEA_SERVER: path.join(DIST, 'server.js'), ...(init ? { KALLITHEA_INIT: JSON.stringify(init) } : {}) };
  const proc = spawn('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-c', `luafile ${path.join(ROOT, 'test', 'editors', 'neovim.lua')}`], { env, stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve, reject) => {
    proc.once('error', reject);
    proc.once('exit', resolve);
  });
  assert.equal(code, 0, 'nvim exits cleanly');
  const out = JSON.parse(fs.readFileSync(result, 'utf8')) as { steps: Steps; error?: string };
  fs.rmSync(dir, { recursive: true, force: true });
  assert.equal(out.error, undefined, out.error);
  return out.steps;
}

const codes = (s: Steps) => s.codes.map((c) => c.code);

describe('Neovim 0.7 as an LSP client', () => {
  test('is installed (CI installs Debian\'s neovim)', () => {
    const v = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    assert.equal(v.status, 0, 'nvim is not on PATH: apt-get install neovim');
    assert.match(v.stdout, /^NVIM v0\.\d+/);
  });

  test('startup-failures.ini: diagnostics with rule ids, hover, plain completion, a quick fix that clears its diagnostic, fix-all', async () => {
    const s = await neovim(path.join(EXAMPLES, 'startup-failures.ini'));
    assert.equal(s.diagnostics, true);
    for (const rule of ['inline-comment', 'bad-percent', 'duplicate-key']) assert.ok(codes(s).includes(rule), `${rule} in ${codes(s)}`);
    const hover = typeof s.hover === 'string' ? s.hover : s.hover?.value ?? '';
    assert.match(hover, /Effective value/);
    assert.doesNotMatch(hover, /&lt;|&gt;/);
    assert.ok(s.completion.length > 5);
    for (const item of s.completion) assert.doesNotMatch(item.text ?? '', /\$\{?\d/, `${item.label} inserts snippet syntax`);
    assert.ok(s.actions?.includes('Move the comment to its own line'), String(s.actions));
    assert.equal(s.quickfix_gone, true);
    assert.equal(s.fixall_changed, true);
  });

  test('a corpus config: diagnostics arrive, and the project file and init_options settings apply', async () => {
    const config = corpusFiles().find((f) => f.endsWith('gunicorn-sqlite.ini')) ?? path.join(EXAMPLES, 'production.ini');
    const plain = await neovim(config);
    const rule = codes(plain)[0];
    assert.ok(rule, 'the config has at least one finding to turn off');
    const project = await neovim(config, { rules: { [rule]: 'off' } });
    assert.ok(!codes(project).includes(rule), `${rule} off from the project file: ${codes(project)}`);
    const init = await neovim(config, { rules: { [rule]: 'off' } }, { settings: { rules: { [rule]: 'error' } } });
    const found = init.codes.find((c) => c.code === rule);
    assert.equal(found?.severity, 1, 'init_options stand above the project file');
  });
});
