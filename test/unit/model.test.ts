import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lines, model, pythonValue } from '../helpers/core';

describe('effective configuration', () => {
  test('%(here)s and %(__file__)s are the file\'s folder and path, as Python sees them', () => {
    const text = lines('[app:main]', 'cache_dir = %(here)s/data', 'me = %(__file__)s');
    const m = model(text, '/srv/kallithea/my.ini');
    assert.deepEqual(m.get('app:main', 'cache_dir'), { ok: true, value: '/srv/kallithea/data' });
    assert.deepEqual(m.get('app:main', 'me'), { ok: true, value: '/srv/kallithea/my.ini' });
    // Python, reading the same text from a temporary folder, expands it the same way.
    const fromPython = pythonValue(text, 'app:main', 'cache_dir');
    assert.ok(fromPython.startsWith(require('node:os').tmpdir()) && fromPython.endsWith('/data'), fromPython);
  });

  test('interpolation: %% escapes, nested references resolve in the reading section\'s scope', () => {
    const text = lines('[DEFAULT]', 'root = %(base)s/kallithea', 'base = /default', '[app:main]', 'base = /srv', 'dir = %(root)s/data', 'pct = 100%%');
    const m = model(text);
    assert.deepEqual(m.get('app:main', 'dir'), { ok: true, value: '/srv/kallithea/data' });
    assert.deepEqual(m.get('DEFAULT', 'root'), { ok: true, value: '/default/kallithea' });
    assert.deepEqual(m.get('app:main', 'pct'), { ok: true, value: '100%' });
    assert.equal(pythonValue(text, 'app:main', 'dir'), '/srv/kallithea/data');
  });

  test('errors carry their kind and where the offending text stands', () => {
    const m = model(lines('[s]', 'a = %(b)s', 'b = %(a)s', 'c = 5%', 'd = %(nope)s'));
    const depth = m.get('s', 'a');
    assert.ok(depth && !depth.ok && depth.error.kind === 'depth');
    const syntax = m.get('s', 'c');
    assert.ok(syntax && !syntax.ok && syntax.error.kind === 'syntax' && syntax.error.origin.offset === 1);
    const missing = m.get('s', 'd');
    assert.ok(missing && !missing.ok && missing.error.kind === 'missing' && missing.error.name === 'nope');
  });

  test('a plain key that [DEFAULT] also has is dropped; `set` overrides the global value', () => {
    const m = model(lines('[DEFAULT]', 'debug = true', 'smtp_server = a', '[app:main]', 'use = egg:kallithea', 'debug = false', 'set smtp_server = b'));
    const ctx = m.context('app:main');
    assert.deepEqual(ctx.effective('debug')?.value, 'true');
    assert.equal(ctx.dropped.map((e) => e.key).join(), 'debug');
    assert.equal(ctx.effective('smtp_server')?.value, 'b');
    assert.equal(ctx.effective('smtp_server')?.source, 'set');
    assert.equal(m.appSetting('debug')?.entry?.section.name, 'DEFAULT');
  });

  test('`get LOCAL = GLOBAL` copies a global value; a missing GLOBAL is recorded', () => {
    const m = model(lines('[DEFAULT]', 'email_to = ops@example.org', '[app:main]', 'get trace_errors.error_email = email_to', 'get trace_errors.smtp_server = smtp_server'));
    const ctx = m.context('app:main');
    assert.equal(ctx.effective('trace_errors.error_email')?.value, 'ops@example.org');
    assert.deepEqual(
      ctx.missingGets.map((e) => e.key),
      ['get trace_errors.smtp_server'],
    );
  });

  test('PasteDeploy keeps a [DEFAULT] value raw when it interpolates to nothing', () => {
    const m = model(lines('[DEFAULT]', 'empty =', 'b = %(empty)s', '[app:main]', 'use = egg:kallithea'));
    assert.equal(m.context('app:main').globalConf.get('b')?.value, '%(empty)s');
  });

  test('the app section is found like PasteDeploy does ("app:" or "application:", spaces after the colon ignored)', () => {
    assert.equal(model(lines('[app: main ]', 'use = egg:kallithea')).appSection(), 'app: main ');
    assert.equal(model(lines('[application:main]', 'use = egg:kallithea')).appSection(), 'application:main');
    assert.equal(model(lines('[app:other]', 'use = egg:kallithea')).appSection(), undefined);
  });
});
