import type { Diagnostic, Rule } from '../analysis/diagnostics';
import { generationOf, type GenerationId, type GenerationReading } from '../model/generation';
import { upgradeEdits } from '../edits/upgrade';
import { comparePositions } from '../syntax/text';
import { sectionHeader } from './support';

const MAX_EVIDENCE = 4;

function message(generation: GenerationReading, differing: number): string {
  const shown = generation.evidence.slice(0, MAX_EVIDENCE).map((e) => e.text);
  const more = generation.evidence.length - shown.length;
  const evidence = shown.join(', ') + (more > 0 ? ` and ${more} more` : '');
  const count =
    differing === 0
      ? 'None of its settings needs a change for 0.7.'
      : `${differing} of its settings behave differently in Kallithea 0.7 (listed with this problem): keys 0.7 renamed or no longer reads, and keys 0.7 needs that this release did without.`;
  return `This config was written for ${generation.label}, judging by ${evidence}. ${count} Upgrade it with the quick fix "Upgrade this config to Kallithea 0.7" or kallithea-ini-lint --upgrade.`;
}

export const legacyConfig: Rule<{ generation: GenerationId }> = {
  id: 'legacy-config',
  category: 'values',
  severity: 'warning',
  description: 'A config written for RhodeCode or Kallithea before 0.4; what only the upgrade made wrong is gathered here, with the upgrade as its fix.',
  check({ model, report }) {
    const generation = generationOf(model);
    const app = model.appSection();
    if (!generation.legacy || !app) return;
    report({ range: sectionHeader(model.parsed, app)!.headerRange, message: message(generation, 0), data: { generation: generation.id } });
  },
  // Findings that are only true since an upgrade would drown the few real problems of an old file.
  gather(model, diagnostics) {
    const legacy = diagnostics.find((d) => d.rule === this.id);
    if (!legacy) return diagnostics;
    const folded = diagnostics.filter((d) => d.versionOnly && d !== legacy).sort((a, b) => comparePositions(a.range.start, b.range.start));
    if (folded.length === 0) return diagnostics;
    const gathered: Diagnostic = {
      ...legacy,
      message: message(generationOf(model), folded.length),
      related: folded.map((d) => ({ range: d.range, message: `${d.message} [${d.rule}]` })),
    };
    return diagnostics.filter((d) => !d.versionOnly || d === legacy).map((d) => (d === legacy ? gathered : d));
  },
  fix({ model, eol, randomHex }) {
    const upgrade = upgradeEdits(model, eol, randomHex);
    if (upgrade.edits.length === 0) return [];
    return [{ title: 'Upgrade this config to Kallithea 0.7', edits: upgrade.edits, preferred: true, needsConfirmation: true }];
  },
};
