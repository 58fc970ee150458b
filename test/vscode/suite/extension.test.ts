// The extension in a real VS Code: manifest, activation, language detection,
// client, server, diagnostics, quick fixes, fix-all, settings, and a big file.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { diagnosticsWhere, fullRange, openAs, ruleOf, WAIT_MS, within } from './helpers';

const EXTENSION_ID = 'kallithea-ini.kallithea-ini';

function workspaceFile(...parts: string[]): vscode.Uri {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(root, 'the suite runs with the fixture workspace open');
  return vscode.Uri.joinPath(root, ...parts);
}

const has = (rules: string[]) => (ds: vscode.Diagnostic[]) => rules.every((r) => ds.some((d) => ruleOf(d) === r));

describe('Kallithea INI in VS Code', () => {
  const production = () => workspaceFile('production.ini');

  after(async () => {
    await vscode.workspace.getConfiguration('kallithea').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('(1) gives a plain production.ini of Kallithea the kallithea-ini language and activates the extension', async () => {
    const doc = await openAs(production(), 'kallithea-ini');
    assert.equal(doc.languageId, 'kallithea-ini');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    // Only the extension's own activation (on opening an .ini) can have switched the language;
    // activate() here just waits for that activation to finish starting the client.
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('(1) leaves an .ini that is not a Kallithea config alone', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceFile('setup.ini'));
    // The claim runs on open; a Kallithea config would have been switched by the time it is visible.
    await vscode.window.showTextDocument(doc);
    await openAs(production(), 'kallithea-ini');
    assert.equal(vscode.workspace.textDocuments.find((d) => d.uri.path.endsWith('setup.ini'))?.languageId, 'ini');
  });

  it('(2) shows diagnostics with rule ids for the headline problems', async () => {
    const ds = await diagnosticsWhere(production(), has(['sqlite-multi-worker', 'static-files-behind-proxy', 'inline-comment']), 'headline diagnostics');
    const sqlite = ds.find((d) => ruleOf(d) === 'sqlite-multi-worker')!;
    assert.equal(sqlite.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(sqlite.range.start.line, 27);
    // The rule's page shipped inside the extension: the link opens offline, for the installed version.
    const target = (sqlite.code as { target: vscode.Uri }).target;
    assert.equal(target.scheme, 'file');
    assert.match(target.path, /\/docs\/rules\/sqlite-multi-worker\.md$/);
    assert.ok(fs.existsSync(target.fsPath), target.fsPath);
    // Instances in deploy/host-a and deploy/host-b share a database but not their data directories.
    await openAs(workspaceFile('deploy', 'host-a', 'kallithea.ini'), 'kallithea-ini');
    await diagnosticsWhere(workspaceFile('deploy', 'host-a', 'kallithea.ini'), has(['data-dir-not-shared']), 'data-dir-not-shared');
  });

  it('(2) switches a RhodeCode config to kallithea-ini, gathers its old settings in legacy-config and offers the upgrade', async () => {
    const legacy = workspaceFile('legacy', 'production.ini');
    const doc = await openAs(legacy, 'kallithea-ini');
    assert.equal(doc.languageId, 'kallithea-ini');
    const ds = await diagnosticsWhere(legacy, has(['legacy-config', 'sqlite-multi-worker']), 'legacy-config');
    assert.ok(!ds.some((d) => ruleOf(d) === 'deprecated-key'), 'the old keys are inside legacy-config');
    const finding = ds.find((d) => ruleOf(d) === 'legacy-config')!;
    assert.ok((finding.relatedInformation?.length ?? 0) > 20, 'the gathered findings are related information');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', legacy, finding.range, vscode.CodeActionKind.QuickFix.value);
    const upgrade = actions.find((a) => a.title === 'Upgrade this config to Kallithea 0.7');
    assert.ok(upgrade?.edit, `quick fixes: ${actions.map((a) => a.title).join(' | ')}`);
    // Not applied here: it asks for a preview (needsConfirmation), which waits for a person.
    assert.ok(upgrade.edit.get(legacy).length > 20);
  });

  it('(3) returns hover text with the effective value for a key', async () => {
    const doc = await openAs(production(), 'kallithea-ini');
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('workers'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', production(), new vscode.Position(line, 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*`workers`\*\*/);
    assert.match(text, /\*\*Effective value:\*\* `4`/);
    const url = doc.getText().split('\n').findIndex((l) => l.startsWith('cache_dir'));
    const ref = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', production(), new vscode.Position(url, 15));
    const refText = ref.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.ok(refText.includes(path.dirname(production().fsPath)), refText);
  });

  it('(6) completes keys and snippets, and an inserted snippet gives a file Python loads', async () => {
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const file = path.join(root, 'snippet-target.ini');
    fs.writeFileSync(file, '[app:main]\nuse = egg:kallithea\ncache_dir = /srv/data\n\n');
    const uri = vscode.Uri.file(file);
    const doc = await openAs(uri, 'kallithea-ini');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(3, 0));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('index_dir'), 'a key of [app:main]');
    assert.ok(!labels.includes('cache_dir'), 'not a key that is already set');
    assert.ok(labels.includes('proxy-prefix'), `the snippet prefixes are offered: ${labels.filter((l) => l.includes('-')).join(', ')}`);
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(3, 0, 3, 0);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'kallithea-ini', name: 'behind a proxy on a URL prefix' });
    assert.match(doc.getText(), /\[filter:proxy-prefix\]\nuse = egg:PasteDeploy#prefix\nprefix = \/code\ntranslate_forwarded_server = false/);
    await doc.save();
    const py = spawnSync('python3', ['-c', 'import configparser,sys; c=configparser.ConfigParser(defaults={"here":"/x","__file__":"/x/f"}); c.optionxform=str; c.read_file(open(sys.argv[1])); print(c["filter:proxy-prefix"]["prefix"])', file], { encoding: 'utf8' });
    assert.equal(py.status, 0, py.stderr);
    assert.equal(py.stdout.trim(), '/code');
  });

  it('(4) offers quick fixes; applying one changes the document and clears the diagnostic', async () => {
    const doc = await openAs(production(), 'kallithea-ini');
    const ds = await diagnosticsWhere(production(), has(['inline-comment']), 'inline-comment');
    const d = ds.find((x) => ruleOf(x) === 'inline-comment')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', production(), d.range, vscode.CodeActionKind.QuickFix.value);
    const move = actions.find((a) => a.title === 'Move the comment to its own line');
    assert.ok(move?.edit, `quick fixes: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(actions.some((a) => a.title === 'Suppress "inline-comment" on this line'));
    assert.ok(await vscode.workspace.applyEdit(move.edit));
    assert.equal(doc.lineAt(26).text, '; the system git');
    assert.equal(doc.lineAt(27).text, 'git_path = /usr/bin/git');
    await diagnosticsWhere(production(), (x) => !x.some((y) => ruleOf(y) === 'inline-comment'), 'inline-comment to go');
  });

  it('(5) source.fixAll.kallithea applies the safe fixes', async () => {
    const doc = await openAs(production(), 'kallithea-ini');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(production(), new vscode.Position(doc.lineCount, 0), 'celery.broker_url = amqp://k:p%40ss@mq.internal/k\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await diagnosticsWhere(production(), has(['bad-percent']), 'bad-percent');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', production(), fullRange(doc), 'source.fixAll.kallithea');
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.kallithea');
    assert.ok(fixAll?.edit, `actions: ${actions.map((a) => `${a.kind?.value}: ${a.title}`).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    assert.match(doc.getText(), /amqp:\/\/k:p%%40ss@mq\.internal\/k/);
    await diagnosticsWhere(production(), (x) => !x.some((y) => ruleOf(y) === 'bad-percent'), 'bad-percent to go');
  });

  it('commands: Show Effective Configuration, Generate Web Server Static Config, Fix All', async () => {
    const doc = await openAs(production(), 'kallithea-ini');
    await vscode.window.showTextDocument(doc);
    const opened = (scheme: string) =>
      new Promise<vscode.TextDocument>((resolve) => {
        const sub = vscode.workspace.onDidOpenTextDocument((d) => {
          if (d.uri.scheme === scheme) {
            sub.dispose();
            resolve(d);
          }
        });
      });
    const effective = opened('kallithea-effective');
    await vscode.commands.executeCommand('kallithea.showEffectiveConfiguration');
    const view = await effective;
    assert.match(view.getText(), /^\[app:main\]$/m);
    assert.match(view.getText(), /^session\.secret = ••••••/m);
    assert.doesNotMatch(view.getText(), /9f8e7d6c5b4a39281706f5e4d3c2b1a0/);

    await vscode.window.showTextDocument(doc);
    await vscode.workspace.getConfiguration('kallithea').update('staticFilesPath', '/opt/kallithea/public', vscode.ConfigurationTarget.Workspace);
    const untitled = opened('untitled');
    await vscode.commands.executeCommand('kallithea.generateStaticConfig', 'nginx');
    const nginx = await untitled;
    assert.match(nginx.getText(), /location \/code\/images\/ \{\n\s+alias \/opt\/kallithea\/public\/images\/;/);
    await vscode.workspace.getConfiguration('kallithea').update('staticFilesPath', undefined, vscode.ConfigurationTarget.Workspace);

    // The static-files quick fix that shows the Apache lines runs the client's showDocument command.
    const [staticFiles] = (await diagnosticsWhere(production(), has(['static-files-behind-proxy']), 'static-files-behind-proxy')).filter((d) => ruleOf(d) === 'static-files-behind-proxy');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, staticFiles.range, vscode.CodeActionKind.QuickFix.value);
    const apache = actions.find((a) => a.command?.command === 'kallithea.showDocument' && /Apache/.test(a.title));
    assert.ok(apache?.command, `an action that shows the Apache lines among ${actions.map((a) => a.title).join(' | ')}`);
    const shown = opened('untitled');
    await vscode.commands.executeCommand(apache.command.command, ...(apache.command.arguments ?? []));
    assert.match((await shown).getText(), /^Alias \/code\/images\/? /m);

    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(new vscode.Position(doc.lineCount, 0), 'smtp_port = 587  ; submission\n'));
    await diagnosticsWhere(production(), (ds) => ds.some((d) => ruleOf(d) === 'inline-comment'), 'the new inline comment');
    await vscode.commands.executeCommand('kallithea.fixAll');
    assert.match(doc.getText(), /; submission\nsmtp_port = 587\n/);
  });

  it('(7) applies kallithea.rules severities as they change', async () => {
    await openAs(production(), 'kallithea-ini');
    const config = vscode.workspace.getConfiguration('kallithea');
    await config.update('rules', { 'sqlite-multi-worker': 'error' }, vscode.ConfigurationTarget.Workspace);
    await diagnosticsWhere(production(), (ds) => ds.some((d) => ruleOf(d) === 'sqlite-multi-worker' && d.severity === vscode.DiagnosticSeverity.Error), 'sqlite-multi-worker as an error');
    await config.update('rules', { 'sqlite-multi-worker': 'off' }, vscode.ConfigurationTarget.Workspace);
    await diagnosticsWhere(production(), (ds) => ds.length > 0 && !ds.some((d) => ruleOf(d) === 'sqlite-multi-worker'), 'sqlite-multi-worker turned off');
    await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await diagnosticsWhere(production(), has(['sqlite-multi-worker']), 'sqlite-multi-worker back');
  });

  it('(9) the site: the Site view lists the instances, Compare Instances opens its table, a closed instance has its problems, inlay hints appear', async () => {
    const hostA = workspaceFile('deploy', 'host-a', 'kallithea.ini');
    const doc = await openAs(hostA, 'kallithea-ini');
    const api = vscode.extensions.getExtension<{ sites(): Promise<{ name: string; instances: { path: string; uri: string; details: { label: string; value: string; line?: number }[] }[] }[]> }>(EXTENSION_ID)!.exports;
    await vscode.commands.executeCommand('kallithea.refreshSite');
    const sites = await api.sites();
    const site = sites.find((s) => s.instances.some((i) => i.path.endsWith(path.join('host-a', 'kallithea.ini'))));
    assert.ok(site, `a site with host-a among ${JSON.stringify(sites.map((s) => s.name))}`);
    assert.deepEqual(site.instances.map((i) => path.basename(path.dirname(i.path))), ['host-a', 'host-b']);
    assert.equal(site.instances[1].details.find((d) => d.label === 'listens on')?.value, '10.0.0.12:5000');
    assert.match(site.name, /postgresql:\/\/kallithea:•+@db\.internal\/kallithea/);

    await vscode.window.showTextDocument(doc);
    const opened = new Promise<vscode.TextDocument>((resolve) => {
      const sub = vscode.workspace.onDidOpenTextDocument((d) => {
        if (d.uri.scheme === 'kallithea-compare') {
          sub.dispose();
          resolve(d);
        }
      });
    });
    await vscode.commands.executeCommand('kallithea.showInstanceComparison');
    const table = (await opened).getText();
    assert.match(table, /\[1\] host-a\/kallithea\.ini\n {2}\[2\] host-b\/kallithea\.ini/);
    assert.match(table, /^~ \[server\] host\s+10\.0\.0\.11\s+10\.0\.0\.12$/m);
    assert.match(table, /^! cache_dir\s/m);
    assert.doesNotMatch(table, /kallithea:secret@/);

    // host-b is never opened: its problems reach the Problems panel through the workspace pull.
    const hostB = workspaceFile('deploy', 'host-b', 'kallithea.ini');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === hostB.toString()), 'host-b stays closed');
    await diagnosticsWhere(hostB, has(['data-dir-not-shared']), 'the closed instance host-b with its data-dir-not-shared');

    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', hostA, fullRange(doc));
    const labels = hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
    assert.ok(labels.includes(`= ${path.dirname(hostA.fsPath)}`), labels.join(' | '));
    assert.ok(labels.includes('1 process × 1 thread'), labels.join(' | '));

    // A detail of the Site view opens its file at its line.
    const hostBSite = site.instances[1];
    const listens = hostBSite.details.find((d) => d.label === 'listens on')!;
    await vscode.commands.executeCommand('kallithea.openInstance', hostBSite.uri, listens.line);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), hostBSite.uri);
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, listens.line);
  });

  it('(8) opens a 50,000-line config and gets its diagnostics', async () => {
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const file = path.join(root, 'big', 'huge.ini');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const out = ['[app:main]', 'use = egg:kallithea', 'cache_dir = /srv/data', 'index_dir = /srv/data/index'];
    for (let i = 0; out.length < 49_998; i++) out.push(`[logger_l${i}]`, 'level = WARN', 'handlers =', `qualname = module${i}`, '');
    out.push('[app:extra]', 'broken = 100%');
    fs.writeFileSync(file, out.join('\n') + '\n');
    const uri = vscode.Uri.file(file);
    const doc = await openAs(uri, 'kallithea-ini');
    assert.ok(doc.lineCount >= 50_000, `${doc.lineCount} lines`);
    const ds = await diagnosticsWhere(uri, has(['bad-percent']), 'the bad-percent at the end of the big file', 2 * WAIT_MS);
    assert.equal(ds.find((d) => ruleOf(d) === 'bad-percent')!.range.start.line, doc.lineCount - 2);
  });
});

describe('Kallithea: Scale Out... in VS Code', () => {
  // Applying the preview (ticking its groups, Apply) is a workbench check: it needs clicks on the preview itself.
  it('(10) asks nothing it was given, previews every file, and writes nothing when the preview is discarded', async () => {
    const config = workspaceFile('single', 'kallithea.ini');
    await openAs(config, 'kallithea-ini');
    type Proposal = { files: { uri: string; about: string; exists: boolean }[]; notes: string[]; remaining: unknown[] };
    const api = await vscode.extensions.getExtension<{ onDidProposeScaleOut: vscode.Event<Proposal> }>(EXTENSION_ID)!.activate();
    const answers = { server: 'gunicorn', workers: 4, hosts: ['web1', 'web2'], databaseUrl: 'postgresql://kallithea:pw@db.internal/kallithea', sharedDir: '/srv/kallithea-shared/data', publicUrl: 'https://code.example.org', front: 'nginx' };
    const deploy = workspaceFile('single', 'deploy').fsPath;
    const expected = [path.join('web1', 'kallithea.ini'), path.join('web2', 'kallithea.ini'), 'nginx-kallithea.conf', '.kallithea-ini.json'];
    // The refactor preview opens a preview document for each file it holds.
    const previewed = new Set<string>();
    const allPreviewed = within<void>(WAIT_MS, 'a preview of every file', (done) =>
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (d.uri.scheme === 'file' || !d.uri.path.startsWith(workspaceFile('single', 'deploy').path)) return;
        previewed.add(path.relative(deploy, d.uri.path));
        if (expected.every((f) => previewed.has(f))) done();
      }),
    );
    const proposed = within<Proposal>(WAIT_MS, 'the scale-out proposal', (done) => api.onDidProposeScaleOut(done));
    let settled = false;
    const run = vscode.commands.executeCommand<{ applied: boolean } | undefined>('kallithea.scaleOutSite', { answers }).then((r) => ((settled = true), r));
    const proposal = await proposed;
    assert.deepEqual(proposal.files.map((f) => path.relative(deploy, vscode.Uri.parse(f.uri).fsPath)), expected);
    assert.deepEqual(proposal.remaining, [], 'the scaled-out site has no warning or error');
    assert.ok(proposal.notes.some((n) => /sqlalchemy\.pool_size = 5, max_overflow = 7/.test(n)), proposal.notes.join(' '));
    await allPreviewed;
    // The edit waits in the preview: nothing is on disk, and discarding it writes nothing.
    assert.equal(settled, false, 'the edit waits for the preview');
    assert.ok(!fs.existsSync(deploy), 'nothing written before the preview is applied');
    for (let i = 0; i < 200 && !settled; i++) {
      await vscode.commands.executeCommand('refactorPreview.discard');
      await Promise.race([run, new Promise((resolve) => setImmediate(resolve))]);
    }
    assert.deepEqual(await run, { applied: false, proposal });
    assert.ok(!fs.existsSync(deploy), 'nothing written after the preview was discarded');
  });
});

