// Hover, completion, navigation and the effective view, on the core.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { complete } from '../../server/src/core/features/completion';
import { effectiveConfigView } from '../../server/src/core/features/effective-view';
import { hover } from '../../server/src/core/features/hover';
import { code, escapeMarkdown } from '../../server/src/core/features/markdown';
import { definition, documentSymbols, foldingRanges, references, rename } from '../../server/src/core/features/navigation';
import { lines, model } from '../helpers/core';

const pos = (line: number, character: number) => ({ line, character });

describe('hover', () => {
  test('a value from the file can never become markup: links, HTML and command links stay literal', () => {
    const evil = '[click](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> `tick` **bold**';
    const m = model(lines('[app:main]', 'use = egg:kallithea', `bugtracker = ${evil}`, `[weird](command:x) = 1`));
    const h = hover(m, pos(2, 2))!.markdown;
    assert.ok(h.includes('``' + ' ' + evil.slice(0, 10)) || h.includes('``' + evil.slice(0, 10)), h);
    assert.doesNotMatch(h.replace(/``[^`]*(`[^`]+)*``/g, ''), /<img|\]\(command:/);
    const unknown = hover(m, pos(3, 2))!.markdown;
    assert.doesNotMatch(unknown.replace(/`+[^`]*`+/g, ''), /\]\(command:/);
    assert.equal(code('a`b'), '``a`b``');
    assert.equal(escapeMarkdown('[x](y)'), '\\[x\\]\\(y\\)');
  });

  test('a line PasteDeploy drops says so, and shows the value that wins', () => {
    const m = model(lines('[DEFAULT]', 'debug = true', '[app:main]', 'use = egg:kallithea', 'debug = false'));
    const h = hover(m, pos(4, 1))!.markdown;
    assert.match(h, /\*\*Effective value:\*\* `true` \(on\)/);
    assert.match(h, /This line is ignored/);
    assert.match(h, /\[DEFAULT\] line 2/);
  });

  test('secrets are masked; a bad switch is called refused', () => {
    const m = model(lines('[app:main]', 'use = egg:kallithea', 'session.secret = hunter2hunter2', 'use_celery = false ; no'));
    assert.match(hover(m, pos(2, 1))!.markdown, /Effective value:\*\* `••••••`/);
    assert.doesNotMatch(hover(m, pos(2, 1))!.markdown, /hunter2/);
    assert.match(hover(m, pos(3, 1))!.markdown, /refused/);
  });

  test('references, uWSGI values and section headers', () => {
    const m = model(lines('[uwsgi]', 'lazy = false ; x', 'chdir = %(here)s', '[app:main]', 'use = egg:kallithea', 'root = /srv', 'cache_dir = %(root)s/data'), '/etc/k/my.ini');
    assert.match(hover(m, pos(6, 14))!.markdown, /Defined in `\[app:main\]` line 6[\s\S]*Expands to `\/srv`/);
    assert.match(hover(m, pos(2, 10))!.markdown, /uWSGI does not expand/);
    assert.match(hover(m, pos(1, 1))!.markdown, /\*\*Effective value:\*\* `false ; x` \(on\)/);
    assert.match(hover(m, pos(0, 2))!.markdown, /uWSGI's own ini parser/);
  });
});

describe('completion', () => {
  test('section names not yet used, closing the bracket', () => {
    const m = model(lines('[app:main]', 'use = egg:kallithea', '['));
    const items = complete(m, pos(2, 1));
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('server:main') && labels.includes('DEFAULT'));
    assert.ok(!labels.includes('app:main'));
    assert.equal(items.find((i) => i.label === 'uwsgi')!.insertText, 'uwsgi]');
  });

  test('values for enums and use = entry points', () => {
    const m = model(lines('[server:main]', 'use = ', '[app:main]', 'use = egg:kallithea', 'session.type = '));
    assert.ok(complete(m, pos(1, 6)).some((i) => i.label === 'egg:gunicorn#main'));
    assert.ok(complete(m, pos(4, 15)).some((i) => i.label === 'file'));
  });

  test('snippets are items only when asked (VS Code has them natively)', () => {
    const m = model(lines('[app:main]', 'use = egg:kallithea', ''));
    assert.ok(!complete(m, pos(2, 0)).some((i) => i.kind === 'snippet'));
    const items = complete(m, pos(2, 0), { snippets: true, hex: (n) => 'f'.repeat(n) });
    const instance = items.find((i) => i.label === 'kallithea-instance')!;
    assert.match(instance.insertText, /app_instance_uuid = f{32}/);
  });
});

describe('navigation', () => {
  const text = lines('[DEFAULT]', 'smtp_server = mail', '[app:main]', 'use = egg:kallithea', 'root = /srv', 'cache_dir = %(root)s/data', 'index_dir = %(root)s/index', 'get trace_errors.smtp_server = smtp_server');
  const m = model(text);

  test('definition of %(name)s and of a get target', () => {
    assert.deepEqual(definition(m, pos(5, 15)), { start: pos(4, 0), end: pos(4, 4) });
    assert.deepEqual(definition(m, pos(7, 33)), { start: pos(1, 0), end: pos(1, 11) });
  });

  test('references and rename of a key cover every %(name)s that resolves to it', () => {
    assert.equal(references(m, pos(4, 1)).length, 3);
    const edits = rename(m, pos(4, 1), 'base')!;
    assert.deepEqual(
      edits.map((e) => [e.range.start.line, e.range.start.character, e.newText]),
      [
        [4, 0, 'base'],
        [5, 14, 'base'],
        [6, 14, 'base'],
      ],
    );
    assert.equal(rename(m, pos(4, 1), 'bad name'), undefined);
    assert.deepEqual(
      rename(m, pos(1, 2), 'mailhost')!.map((e) => e.range.start.line),
      [1, 7],
    );
  });

  test('symbols and folds', () => {
    const symbols = documentSymbols(m);
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['[DEFAULT]', '[app:main]'],
    );
    assert.equal(symbols[1].children!.length, 5);
    assert.ok(foldingRanges(m).some((f) => f.startLine === 2 && f.endLine === 7));
  });
});

test('the effective view shows what wins and masks secrets', () => {
  const m = model(lines('[DEFAULT]', 'debug = true', '[app:main]', 'use = egg:kallithea', 'debug = false', 'sqlalchemy.url = postgresql://k:pw@db/k', 'app_instance_uuid = abcdef0123456789abcdef0123456789'));
  const view = effectiveConfigView(m);
  assert.match(view, /^debug = true +# \[DEFAULT\] line 2$/m);
  assert.match(view, /^# ignored: "debug" on line 5/m);
  assert.match(view, /^sqlalchemy\.url = postgresql:\/\/k:••••••@db\/k/m);
  assert.match(view, /^app_instance_uuid = ••••••/m);
});
