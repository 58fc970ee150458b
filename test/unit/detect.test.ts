import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isKallitheaConfig, isListedFile, matchesFilePattern } from '../../server/src/core/model/detect';

describe('which files are Kallithea configs', () => {
  test('an app section with use = egg:kallithea, any case, with or without #main', () => {
    for (const use of ['egg:kallithea', 'EGG:Kallithea', 'egg:kallithea#main', 'egg:Kallithea#MAIN']) {
      assert.ok(isKallitheaConfig(`[app:main]\nuse = ${use}\n`), use);
    }
    assert.ok(isKallitheaConfig('[DEFAULT]\nx = 1\n[app:other]\nuse: egg:kallithea\n'));
  });

  test('RhodeCode 1.x/2.x configs (egg:rhodecode), which Kallithea grew from; not RhodeCode 4 (Pyramid) ones', () => {
    assert.ok(isKallitheaConfig('[app:main]\nuse = egg:rhodecode\n'));
    assert.ok(isKallitheaConfig('[app:main]\nuse = egg:RhodeCode#main\n'));
    assert.equal(isKallitheaConfig('[app:main]\nuse = egg:rhodecode-enterprise-ce\n'), false);
    assert.equal(isKallitheaConfig('[app:main]\nuse = egg:rhodecode-vcsserver\n'), false);
  });

  test('not when the egg is elsewhere, commented out, or another app', () => {
    assert.equal(isKallitheaConfig('[app:main]\n#use = egg:kallithea\nuse = egg:other\n'), false);
    assert.equal(isKallitheaConfig('[server:main]\nuse = egg:kallithea\n'), false);
    assert.equal(isKallitheaConfig('[app:main]\nuse = egg:kallithea_plugins\n'), false);
    assert.equal(isKallitheaConfig('no sections at all, egg:kallithea'), false);
  });

  test('kallithea.files patterns match names and globs', () => {
    assert.ok(matchesFilePattern('/srv/site/production.ini', 'production.ini'));
    assert.ok(matchesFilePattern('/srv/deploy/host-a/kallithea.ini', 'deploy/**/*.ini'));
    assert.ok(matchesFilePattern('C:\\sites\\k\\my.ini', '*.ini'));
    assert.equal(matchesFilePattern('/srv/site/production.ini.bak', 'production.ini'), false);
    assert.equal(matchesFilePattern('/srv/site/xproduction.ini', 'production.ini'), false);
    assert.ok(isListedFile('/a/b.ini', ['x.ini', 'b.ini']));
  });
});
