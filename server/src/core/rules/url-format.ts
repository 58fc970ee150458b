import type { Rule } from '../analysis/diagnostics';
import { setValueEdit } from '../edits/edits';
import { appSettingSections, entryAt } from './support';

export const urlFormat: Rule<{ line: number; value: string }> = {
  id: 'url-format',
  category: 'startup',
  severity: 'warning',
  description: '`canonical_url` without a scheme, or `gist_alias_url` without `{gistid}`.',
  reads: appSettingSections,
  check({ model, report }) {
    const canonical = model.appSetting('canonical_url');
    if (canonical?.entry && canonical.value?.trim() && !canonical.value.includes('://'))
      report({
        range: canonical.entry.valueRange,
        message: `canonical_url "${canonical.value.trim()}" has no scheme, and Kallithea silently ignores a value without "://": links in mails and feeds then follow whatever host name each request used. Write it as https://${canonical.value.trim().replace(/^\/+/, '')}.`,
        data: { line: canonical.entry.keyRange.start.line, value: `https://${canonical.value.trim().replace(/^\/+/, '')}` },
      });
    const gist = model.appSetting('gist_alias_url');
    if (gist?.entry && gist.value?.trim() && !gist.value.includes('{gistid}'))
      report({
        range: gist.entry.valueRange,
        message: 'gist_alias_url has no {gistid}, so every gist gets the same URL. Put {gistid} where the gist id goes, e.g. https://gist.example.com/{gistid}.',
        data: { line: gist.entry.keyRange.start.line, value: `${gist.value.trim().replace(/\/+$/, '')}/{gistid}` },
      });
  },
  fix({ model }, diagnostic) {
    const { line, value } = diagnostic.data;
    const entry = entryAt(model, line);
    // Only a one-line value is a URL to repair.
    return entry && !value.includes('\n') ? [{ title: `Use ${value}`, edits: [setValueEdit(entry, value)], preferred: true }] : [];
  },
};
