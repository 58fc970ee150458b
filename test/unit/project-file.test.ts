// The project file: what it accepts, where its mistakes are, how its globs are
// anchored, how the settings layers combine, and that its JSON Schema (what VS Code
// checks and completes) says the same as the reader.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { mergeSettingLayers, parseProjectFile, PROJECT_KEYS } from '../../server/src/core/settings/project-file';
import { normalizeSettings } from '../../server/src/core/settings/settings';
import { ROOT } from '../helpers/paths';

const FILE = '/srv/site/.kallithea-ini.json';

describe('.kallithea-ini.json', () => {
  test('every setting, with instance and exclude globs anchored at the file', () => {
    const p = parseProjectFile(
      JSON.stringify({ files: ['deploy/*.ini'], exclude: ['old/**', '/abs/x.ini'], rules: { 'unknown-key': 'off' }, deployment: { workerProcesses: 4, behindProxy: true, instances: [['deploy/host-*/kallithea.ini', '**/k.ini']], databaseMaxConnections: 300 }, sharedDataDir: '/mnt/k', staticFilesPath: '/srv/public', maxFileSize: 1000 }),
      FILE,
    );
    assert.deepEqual(p.errors, []);
    assert.deepEqual(p.exclude, ['/srv/site/old/**', '/abs/x.ini']);
    const s = normalizeSettings(p.settings);
    assert.deepEqual(s.deployment, { workerProcesses: 4, behindProxy: true, databaseMaxConnections: 300, instances: [['/srv/site/deploy/host-*/kallithea.ini', '**/k.ini']], sharedDataDir: '/mnt/k', staticFilesPath: '/srv/public' });
    assert.deepEqual(s.files, ['deploy/*.ini']);
    assert.deepEqual(s.rules, { 'unknown-key': 'off' });
    assert.equal(s.maxFileSize, 1000);
  });

  test('mistakes are reported where they are, and only the broken keys are dropped', () => {
    const text = '{\n  "rules": {"unknown-key": "loud"},\n  "deployment": {"workers": 4},\n  "sharedDataDir": "/mnt/k",\n  "colour": true\n}\n';
    const p = parseProjectFile(text, FILE);
    assert.deepEqual(p.errors.map((e) => [e.range.start.line, e.message.split(' ').slice(0, 2).join(' ')]), [
      [1, '"rules" must'],
      [2, '"deployment" has'],
      [4, '"colour" is'],
    ]);
    assert.deepEqual(p.settings, { sharedDataDir: '/mnt/k' });
    const bad = parseProjectFile('{\n  "rules": {,\n}', FILE);
    assert.equal(bad.errors.length, 1);
    assert.match(bad.errors[0].message, /is not valid JSON/);
    assert.equal(bad.errors[0].range.start.line, 1);
    assert.match(parseProjectFile('[1]', FILE).errors[0].message, /one JSON object/);
  });

  test('layers: defaults < project file < initializationOptions < workspace/configuration; empty answers change nothing', () => {
    const project = { rules: { 'unknown-key': 'off' }, deployment: { workerProcesses: 4 }, sharedDataDir: '/mnt/k' };
    const init = { rules: { 'inline-comment': 'error' }, deployment: { behindProxy: true } };
    // VS Code answers with every setting, its defaults included.
    const vscodeAnswer = { files: [], rules: {}, deployment: { workerProcesses: null, behindProxy: null, instances: [] }, sharedDataDir: '', maxFileSize: null };
    const merged = normalizeSettings(mergeSettingLayers(project, init, vscodeAnswer));
    assert.deepEqual(merged.rules, { 'unknown-key': 'off', 'inline-comment': 'error' }, 'rules combine rule by rule');
    assert.deepEqual(merged.deployment, { workerProcesses: 4, behindProxy: true, sharedDataDir: '/mnt/k' });
    assert.deepEqual(normalizeSettings(mergeSettingLayers(project, init, null)).rules, { 'unknown-key': 'off', 'inline-comment': 'error' });
    assert.deepEqual(normalizeSettings(mergeSettingLayers(project, { rules: { 'unknown-key': 'warning' } })).rules, { 'unknown-key': 'warning' });
    assert.equal(normalizeSettings(mergeSettingLayers(project, { deployment: { workerProcesses: 2 } })).deployment.workerProcesses, 2);
  });

  test('the JSON Schema and the reader name the same keys', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'kallithea-ini.schema.json'), 'utf8'));
    assert.deepEqual(Object.keys(schema.properties).sort(), Object.keys(PROJECT_KEYS).sort());
    assert.deepEqual(Object.keys(schema.properties.deployment.properties).sort(), ['behindProxy', 'databaseMaxConnections', 'instances', 'workerProcesses']);
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.kallithea-ini.json', url: './schemas/kallithea-ini.schema.json' }]);
    // Every setting VS Code has (kallithea.X) is a key of the project file, except the client's own trace setting.
    const settings = Object.keys(manifest.contributes.configuration.properties).map((k) => k.replace(/^kallithea\./, '').split('.')[0]).filter((k) => k !== 'trace');
    for (const key of new Set(settings)) assert.ok(key in PROJECT_KEYS, key);
  });
});
