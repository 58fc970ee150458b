// Hover text for keys, %(name)s references and section headers: what a knob does,
// its type, default, recommended value and why, and the value Kallithea will really
// see, with secrets masked and everything from the file kept literal.

import { baseKey } from '../catalog';
import type { KeyInfo } from '../catalog/types';
import { valueKind } from '../catalog/value-kinds';
import { displayValue, isSecretKey } from '../catalog/display';
import { generationOf, type GenerationReading } from '../model/generation';
import { code, escapeMarkdown, link, prose } from './markdown';
import type { ConfigModel } from '../model/model';
import type { Entry, Section } from '../syntax/parser';
import { targetAt } from '../syntax/positions';
import { commandOverrideNote, SECTION_KINDS, stripCommandPrefix } from '../catalog/sections';
import type { InterpolationError } from '../model/interpolation';
import type { Position, Range } from '../syntax/text';

export interface HoverResult {
  markdown: string;
  range: Range;
}

interface Effective {
  value?: string;
  failure?: string;
  notes: string[];
}

function described(reading: { value?: string; error?: InterpolationError }, notes: string[] = []): Effective {
  if (reading.value !== undefined) return { value: reading.value, notes };
  if (reading.error) return { failure: failureText(reading.error.kind, reading.error.name), notes };
  return { notes };
}

function failureText(kind: string, name?: string): string {
  if (kind === 'missing') return `loading fails: %(${name})s is not defined`;
  if (kind === 'depth') return 'loading fails: the %(...)s references loop';
  return 'loading fails: a lone % in the value';
}

const where = (e: Entry | undefined) => (e ? `[${e.section.name}] line ${e.keyRange.start.line + 1}` : 'PasteDeploy');

/** The value the program that reads this line will get (the model's reading of it), and notes on why. */
export function effectiveOf(model: ConfigModel, entry: Entry): Effective {
  const reading = model.lineValue(entry);
  switch (reading.how) {
    case 'refused':
      return { notes: [`Python refuses the file: "${entry.key}" already appears on line ${entry.duplicateOf!.keyRange.start.line + 1} of [${entry.section.name}].`] };
    case 'uwsgi':
      return { value: reading.value, notes: ['uWSGI reads the text as written, without interpolation and with any trailing `;` note.'] };
    case 'raw':
      return { value: reading.value, notes: ['The logging module reads this line raw: `%(...)s` is left for it.'] };
    case 'python':
      return described(reading);
    case 'default': {
      const e = described(reading);
      const app = model.appSection();
      if (app) {
        const ctx = model.context(app);
        const setting = ctx.globalConf.get(entry.key);
        if (setting?.source === 'set') e.notes.push(`[${app}] overrides it with \`set\` (${where(setting.entry)}): Kallithea sees ${code(displayValue(setting.value ?? ''))}.`);
        if (ctx.dropped.some((d) => d.key === entry.key)) e.notes.push(`It wins over the plain "${entry.key}" line in [${app}], which PasteDeploy ignores.`);
      }
      return e;
    }
    case 'set':
      return described(reading, [`Sets "${baseKey(entry.key).name}" in the global configuration, overriding [DEFAULT].`]);
    case 'get': {
      const missing = model.context(entry.section.name).missingGets.includes(entry);
      return described(reading, [missing ? `[DEFAULT] has no "${entry.value.trim()}", so loading fails.` : `Copied from the global "${entry.value.trim()}".`]);
    }
    case 'dropped':
      return described(reading, [
        `**This line is ignored:** ${where(reading.setting?.entry)} also defines "${entry.key}", and PasteDeploy drops the section's own line. Write \`set ${entry.key} = ...\` to override.`,
      ]);
    case 'local':
      return (model.kindOf(entry.section) === 'app' ? optionOf(model, entry) : undefined) ?? described(reading);
  }
}

/**
 * When several spellings make one option (session.X and beaker.session.X, cache.X
 * and beaker.cache.X, folders TurboGears derives from cache_dir), the value the
 * code ends up with, and which line or rule decided it.
 */
function optionOf(model: ConfigModel, entry: Entry): Effective | undefined {
  const option = model.appOption(entry.key);
  if (!option.winner || option.overridden.length === 0) return undefined;
  const e = described(option.winner);
  if (option.winner.entry === entry) {
    const others = option.overridden.map((s) => (s.entry ? `${code(s.entry.key)} on line ${s.entry.keyRange.start.line + 1}` : code(s.name))).join(', ');
    e.notes.push(`This line decides the option: it overrides ${others} (${escapeMarkdown(option.why ?? '')}).`);
  } else e.notes.push(`**Kallithea does not use this line's value:** ${escapeMarkdown(option.why ?? '')}.`);
  return e;
}

function interpretation(info: KeyInfo | undefined, value: string): string {
  return info ? (valueKind(info.type).reading?.(info.type, value) ?? '') : '';
}

function keyHover(model: ConfigModel, entry: Entry): string {
  const kind = model.kindOf(entry.section);
  const info = model.keyInfo(entry);
  const { name } = baseKey(entry.key);
  const secret = info?.secret || isSecretKey(kind, name);
  const lines: string[] = [];
  lines.push(`**${code(entry.key)}**${info ? ` · ${valueKind(info.type).label(info.type)}` : ''}`);
  if (info?.pattern) lines.push(`Matches ${code(info.name)}.`);
  lines.push('');
  lines.push(info ? prose(info.description) : `${escapeMarkdown(SECTION_KINDS[kind].readBy)} does not read a key of this name here.`);
  const eff = effectiveOf(model, entry);
  const facts: string[] = [];
  if (eff.value !== undefined) facts.push(`- **Effective value:** ${code(displayValue(eff.value, secret, 200))}${interpretation(info, eff.value)}`);
  if (eff.failure) facts.push(`- **Effective value:** ${escapeMarkdown(eff.failure)}`);
  if (eff.value !== undefined && entry.value !== eff.value && !baseKey(entry.key).prefix && !secret && entry.value.includes('%(')) facts.push(`- **As written:** ${code(displayValue(entry.value, secret, 200))}`);
  if (info?.default) facts.push(`- **Default when absent:** ${prose(info.default)}`);
  if (info?.recommended !== undefined) facts.push(`- **Recommended:** ${code(info.recommended)}${info.recommendedWhy ? ` — ${prose(info.recommendedWhy)}` : ''}`);
  if (facts.length) lines.push('', ...facts);
  if (info?.impact) lines.push('', `**Why it matters${info.impactTags?.length ? ` (${info.impactTags.join(', ')})` : ''}:** ${prose(info.impact)}`);
  if (info?.upkeep) lines.push('', `**Upkeep:** ${prose(info.upkeep)}`);
  if (info?.noEffect) lines.push('', `**No effect:** ${prose(info.noEffect)}`);
  if (info?.deprecated) lines.push('', `**${info.deprecated.stillWorks ? 'Old name' : 'No longer supported'}:** ${prose(info.deprecated.message)}${info.deprecated.replacement ? ` Use ${code(info.deprecated.replacement)}.` : ''}`);
  if (info?.fromDatabase) lines.push('', '**Set in the database:** Kallithea copies its Admin > Settings value over this line, so the ini value is ignored.');
  if (eff.notes.length) lines.push('', ...eff.notes);
  if (info?.docs) lines.push('', link('Documentation', info.docs));
  return lines.join('\n');
}

function referenceHover(model: ConfigModel, entry: Entry, name: string): string {
  const section = entry.section.name;
  const binding = model.lookup(section, name);
  const lines = [`**${code(`%(${name})s`)}**`, ''];
  if (!binding) {
    lines.push(`Not defined in [${escapeMarkdown(section)}] or [DEFAULT]: Python stops loading the file here.`);
    return lines.join('\n');
  }
  const kind = model.sectionKind(section);
  const secret = isSecretKey(kind, name) || (binding.entry ? isSecretKey(model.sectionKind(binding.entry.section.name), name) : false);
  if (!binding.entry) lines.push(name === 'here' ? 'Built in: PasteDeploy sets it to the folder of this file.' : 'Built in: PasteDeploy sets it to the absolute path of this file.');
  else lines.push(`Defined in ${code(`[${binding.entry.section.name}]`)} line ${binding.entry.keyRange.start.line + 1}.`);
  const got = model.interpolateText(section, `%(${name})s`);
  lines.push('', got.ok ? `Expands to ${code(displayValue(got.value, secret, 200))}.` : escapeMarkdown(failureText(got.error.kind, got.error.name)) + '.');
  if (kind === 'uwsgi') lines.push('', '**uWSGI does not expand `%(name)s`** (use `%d` for the folder of this file); only Python would.');
  return lines.join('\n');
}

function sectionHover(model: ConfigModel, section: Section): string {
  const kind = model.sectionKind(section.name);
  const lines = [`**[${escapeMarkdown(section.name)}]**`, '', prose(SECTION_KINDS[kind].about)];
  if (kind === 'app' && section.name === model.appSection()) lines.push('', generationNote(generationOf(model)));
  const { command, section: target } = stripCommandPrefix(section.name);
  if (command) lines.push('', prose(commandOverrideNote(command, target)));
  if (section.duplicateOf) lines.push('', `Python refuses the file: [${escapeMarkdown(section.name)}] already starts on line ${section.duplicateOf.line + 1}.`);
  return lines.join('\n');
}

function generationNote(generation: GenerationReading): string {
  if (generation.foreignApp) return `**Not a Kallithea app:** this section loads ${code(generation.foreignApp)}.`;
  const evidence = generation.evidence.map((e) => escapeMarkdown(e.text));
  if (evidence.length === 0) return `**Written for:** ${escapeMarkdown(generation.label)} (nothing in the file points to an older release).`;
  const upgrade = generation.legacy ? ' Kallithea 0.7 reads many of its settings differently; see the `legacy-config` problem for the upgrade.' : '';
  return `**Written for:** ${escapeMarkdown(generation.label)}, judging by ${evidence.slice(0, 6).join(', ')}${evidence.length > 6 ? ', ...' : ''}.${upgrade}`;
}

export function hover(model: ConfigModel, pos: Position): HoverResult | undefined {
  const target = targetAt(model.parsed, pos);
  if (!target) return undefined;
  switch (target.kind) {
    case 'section':
      return { markdown: sectionHover(model, target.section), range: target.section.headerRange };
    case 'key':
      return { markdown: keyHover(model, target.entry), range: target.entry.keyRange };
    case 'reference':
      return { markdown: referenceHover(model, target.entry, target.token.name!), range: target.range };
    case 'value':
      return { markdown: keyHover(model, target.entry), range: target.entry.valueRange };
  }
}
