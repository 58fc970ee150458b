// "Show Effective Configuration": what Kallithea and its servers will really see,
// section by section, after [DEFAULT], interpolation, `set`/`get` and the dropped
// lines, with secrets masked. A read-only view, not a file to load.

import { baseKey } from '../catalog';
import type { SectionKind } from '../catalog/types';
import { displayValue, isSecretKey } from '../catalog/display';
import { generationOf } from '../model/generation';
import type { ConfigModel, Setting } from '../model/model';
import type { LoadContext } from '../model/paste-context';
import { DEFAULT_SECTION } from '../syntax/parser';
import { SECTION_KINDS } from '../catalog/sections';
import { uwsgiText } from '../catalog/values';

const DERIVED_OPTIONS = ['session.data_dir', 'cache.data_dir'];

const origin = (s: Setting) => (s.entry ? `[${s.entry.section.name}] line ${s.entry.keyRange.start.line + 1}` : 'built in');

function line(key: string, value: string, note: string): string {
  const left = `${key} = ${value}`;
  return `${left.padEnd(Math.max(48, left.length + 2))}# ${note}`;
}

function settingLine(kind: SectionKind, s: Setting): string {
  const secret = isSecretKey(kind, s.name);
  const value = s.value !== undefined ? displayValue(s.value, secret, 160) : `<loading fails: ${s.error?.kind === 'missing' ? `%(${s.error.name})s is undefined` : s.error?.kind === 'depth' ? 'references loop' : 'lone %'}>`;
  return line(s.name, value, origin(s));
}

function pasteSection(model: ConfigModel, name: string, ctx: LoadContext, out: string[]): void {
  const kind = model.sectionKind(name);
  out.push(`[${name}]`, `# What ${kind === 'app' ? 'Kallithea' : 'the ' + kind.replace(':', ' ')} receives: its own keys, then the global ones.`);
  const keys = [...new Set([...ctx.localConf.keys(), ...ctx.globalConf.keys()])].sort();
  for (const key of keys) {
    const setting = ctx.effective(key)!;
    const option = kind === 'app' ? model.appOption(key) : undefined;
    // Another spelling of the same option, or a folder TurboGears derives, decides what the code uses.
    if (option?.winner && option.winner !== setting) out.push(`${settingLine(kind, setting)}; not used: ${option.why}`);
    else out.push(settingLine(kind, setting));
  }
  if (kind === 'app') {
    for (const name of DERIVED_OPTIONS) {
      const derived = model.appOption(name).winner;
      if (derived?.source === 'derived') out.push(line(name, displayValue(derived.value ?? ''), 'derived by TurboGears from cache_dir'));
    }
  }
  for (const dropped of ctx.dropped) out.push(`# ignored: "${dropped.key}" on line ${dropped.keyRange.start.line + 1} ([DEFAULT] wins; write "set ${dropped.key} = ...")`);
  for (const get of ctx.missingGets) out.push(`# loading fails: "${get.key}" on line ${get.keyRange.start.line + 1} copies a global that does not exist`);
  out.push('');
}

export function effectiveConfigView(model: ConfigModel): string {
  const generation = generationOf(model);
  const out = [
    `# Effective configuration of ${model.filePath}`,
    '# As Kallithea, its web server and its logging will read it: [DEFAULT] inherited,',
    '# %(name)s expanded (here = the folder of the file), `set`/`get` applied, secrets masked.',
    '# A read-only view; edit the file itself.',
    `# Written for ${generation.label}${generation.evidence.length ? ` (${generation.evidence.slice(0, 4).map((e) => e.text).join(', ')})` : ''}.`,
    '',
  ];
  const seen = new Set<string>();
  for (const section of model.parsed.sections) {
    const name = section.name;
    if (seen.has(name) || name === DEFAULT_SECTION) continue;
    seen.add(name);
    const kind = model.sectionKind(name);
    const reader = SECTION_KINDS[kind].reader;
    if (reader === 'pastedeploy') {
      pasteSection(model, name, model.context(name), out);
    } else if (reader === 'uwsgi') {
      out.push('[uwsgi]', '# Read by uWSGI itself: no interpolation, text after the value kept.');
      for (const [key, entry] of model.sections.get(name)!) out.push(line(key, displayValue(uwsgiText(entry.value), isSecretKey(kind, key), 160), `line ${entry.keyRange.start.line + 1}`));
      out.push('');
    } else if (reader !== 'unknown') {
      out.push(`[${name}]`);
      for (const [key, entry] of model.sections.get(name)!) {
        const reading = model.lineValue(entry);
        const raw = reading.how === 'raw';
        const value = reading.how !== 'refused' && reading.value !== undefined ? displayValue(reading.value, isSecretKey(kind, baseKey(key).name), 160) : '<loading fails>';
        out.push(line(key, value, `line ${entry.keyRange.start.line + 1}${raw ? ', read raw' : ''}`));
      }
      out.push('');
    }
  }
  if (!model.appSection()) out.push('# No [app:main] section: PasteDeploy would not find the application.');
  return out.join('\n').trimEnd() + '\n';
}
