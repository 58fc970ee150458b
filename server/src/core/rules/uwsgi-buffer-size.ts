import type { Rule } from '../analysis/diagnostics';
import { uwsgiInt } from '../catalog/values';
import { sectionHeader, setUwsgiEdit } from './support';

const RECOMMENDED = 65535;

export const uwsgiBufferSize: Rule = {
  id: 'uwsgi-buffer-size',
  category: 'deployment',
  severity: 'warning',
  description: 'uWSGI `buffer-size` missing or not 65535.',
  check({ model, deployment, report }) {
    const uwsgi = deployment.uwsgi;
    if (!uwsgi) return;
    const entry = uwsgi.get('buffer-size');
    const size = entry ? uwsgiInt(entry.value).value : 4096;
    if (size === RECOMMENDED) return;
    const why =
      size > RECOMMENDED
        ? `buffer-size = ${size} is more than uWSGI can use (it caps the value at ${RECOMMENDED})`
        : `${entry ? `buffer-size = ${size}` : 'Without buffer-size, uWSGI accepts 4096 bytes of request headers'}, but Mercurial sends very large headers during discovery, so pulls and pushes fail with "invalid request block size"`;
    report({
      range: entry ? entry.valueRange : sectionHeader(model.parsed, 'uwsgi')!.headerRange,
      message: `${why}. Set buffer-size = ${RECOMMENDED}.`,
    });
  },
  fix({ model, eol }) {
    const edit = setUwsgiEdit(model, 'buffer-size', String(RECOMMENDED), eol);
    return edit ? [{ title: `Set buffer-size = ${RECOMMENDED}`, edits: [edit], preferred: true, safe: true }] : [];
  },
};
