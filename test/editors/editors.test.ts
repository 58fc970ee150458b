// Real LSP clients against dist/server.js, headless: Debian's Neovim (0.7) runs
// test/editors/neovim.lua, Emacs 28 with eglot 1.9 runs test/editors/eglot.el, and
// Vim 9 with ALE 3.3 runs test/editors/ale.vim; each writes what it saw as JSON. Run by `npm run test:editors` (CI installs the
// editors first); a missing editor fails.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { corpusFiles, DIST, EXAMPLES, ROOT } from '../helpers/paths';
import { TEST_CODE_CACHE } from '../helpers/lsp-client';

interface Steps {
  diagnostics: boolean;
  /** Neovim: 1 for an error; eglot: its Flymake type, eglot-error; ALE: E. */
  codes: { code: string; line: number; severity: number | string }[];
  hover?: { kind: string; value: string } | string;
  completion: { label: string; text?: string; format?: number }[];
  actions?: string[];
  quickfix_gone?: boolean;
  fixall_changed: boolean;
}

type Editor = 'neovim' | 'eglot' | 'ale';

/** How each client passes its own settings: Neovim's init_options, eglot's workspace/configuration answer, ALE's initialization_options. */
const COMMANDS: Record<Editor, { bin: string; args: string[]; settingsEnv: string; settings: (s: object) => string }> = {
  neovim: { bin: 'nvim', args: ['--headless', '-u', 'NONE', '-i', 'NONE', '-c', `luafile ${path.join(ROOT, 'test', 'editors', 'neovim.lua')}`], settingsEnv: 'KALLITHEA_INIT', settings: (s) => JSON.stringify({ settings: s }) },
  eglot: { bin: 'emacs', args: ['--batch', '-l', path.join(ROOT, 'test', 'editors', 'eglot.el')], settingsEnv: 'KALLITHEA_WORKSPACE_CONFIGURATION', settings: (s) => JSON.stringify(s) },
  ale: { bin: 'vim', args: ['-N', '-u', 'NONE', '-i', 'NONE', '-n', '-es', '-S', path.join(ROOT, 'test', 'editors', 'ale.vim')], settingsEnv: 'KALLITHEA_INIT', settings: (s) => JSON.stringify({ settings: s }) },
};

/** Run an editor's script on a copy of `config` in a fresh folder (with an optional project file); resolves when the editor exits. */
async function run(editor: Editor, config: string, project?: object, settings?: object, waitForError?: string): Promise<Steps> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kallithea-${editor}-`));
  const file = path.join(dir, path.basename(config));
  fs.copyFileSync(config, file);
  if (project) fs.writeFileSync(path.join(dir, '.kallithea-ini.json'), JSON.stringify(project));
  const result = path.join(dir, 'result.json');
  const how = COMMANDS[editor];
  const env = { ...process.env, KALLITHEA_INI_CACHE_DIR: TEST_CODE_CACHE, KALLITHEA_CONFIG: file, KALLITHEA_RESULT: result, KALLITHEA_SERVER: path.join(DIST, 'server.js'), ...(settings ? { [how.settingsEnv]: how.settings(settings) } : {}), ...(waitForError ? { KALLITHEA_WAIT_FOR_ERROR: waitForError } : {}) };
  const proc = spawn(how.bin, how.args, { env, cwd: dir, stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve, reject) => {
    proc.once('error', reject);
    proc.once('exit', resolve);
  });
  assert.equal(code, 0, `${how.bin} exits cleanly`);
  const out = JSON.parse(fs.readFileSync(result, 'utf8')) as { steps: Steps & { error?: string } };
  fs.rmSync(dir, { recursive: true, force: true });
  assert.equal(out.steps.error, undefined, out.steps.error);
  return out.steps;
}

const isError = (severity: number | string | undefined) => severity === 1 || severity === 'eglot-error' || severity === 'E';
const codes = (s: Steps) => s.codes.map((c) => c.code);

const EDITORS: { editor: Editor; name: string; version: RegExp }[] = [
  { editor: 'neovim', name: 'Neovim', version: /^NVIM v0\.\d+/ },
  { editor: 'eglot', name: 'Emacs with eglot', version: /^GNU Emacs \d+/ },
  { editor: 'ale', name: 'Vim with ALE', version: /^VIM - Vi IMproved 9/ },
];

for (const { editor, name, version } of EDITORS) {
  describe(`${name} as an LSP client`, () => {
    test(`is installed (CI installs it from Debian)`, () => {
      const bin = COMMANDS[editor].bin;
      const v = spawnSync(bin, ['--version'], { encoding: 'utf8' });
      assert.equal(v.status, 0, `${bin} is not on PATH: see .ci/run for the Debian packages`);
      assert.match(v.stdout, version);
    });

    test('startup-failures.ini: diagnostics with rule ids, hover, plain completion, a quick fix that clears its diagnostic, fix-all', async () => {
      const s = await run(editor, path.join(EXAMPLES, 'startup-failures.ini'));
      assert.equal(s.diagnostics, true);
      for (const rule of ['inline-comment', 'bad-percent', 'duplicate-key']) assert.ok(codes(s).includes(rule), `${rule} in ${codes(s)}`);
      const hover = typeof s.hover === 'string' ? s.hover : s.hover?.value ?? '';
      assert.match(hover, /Effective value/);
      assert.doesNotMatch(hover, /&lt;|&gt;/);
      if (typeof s.hover === 'object' && s.hover.kind === 'plaintext') assert.doesNotMatch(hover, /\*\*|\\[._:]/, 'plain text has no Markdown');
      assert.ok(s.completion.length > 5);
      for (const item of s.completion) assert.doesNotMatch(item.text ?? '', /\$\{?\d/, `${item.label} inserts snippet syntax`);
      assert.ok(s.actions?.includes('Move the comment to its own line'), String(s.actions));
      assert.equal(s.quickfix_gone, true);
      assert.equal(s.fixall_changed, true);
    });

    test('a corpus config: diagnostics arrive, and settings from the project file and from the client apply', async () => {
      const corpus = corpusFiles().find((f) => f.endsWith('gunicorn-sqlite.ini'));
      const config = corpus ?? path.join(EXAMPLES, 'startup-failures.ini');
      const rule = corpus ? 'sqlite-multi-worker' : 'inline-comment';
      const plain = await run(editor, config);
      assert.ok(codes(plain).includes(rule), `${rule} in ${codes(plain)}`);
      const project = await run(editor, config, { rules: { [rule]: 'off' } });
      assert.ok(project.diagnostics && !codes(project).includes(rule), `${rule} off from the project file: ${codes(project)}`);
      const client = await run(editor, config, { rules: { [rule]: 'off' } }, { rules: { [rule]: 'error' } }, rule);
      assert.equal(client.diagnostics, true, `the client's own settings stand above the project file: ${JSON.stringify(client.codes)}`);
      assert.ok(isError(client.codes.find((c) => c.code === rule)?.severity));
    });
  });
}
