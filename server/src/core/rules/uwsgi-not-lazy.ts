import type { Rule } from '../analysis/diagnostics';
import { isOn, uwsgiInt } from '../catalog/values';
import { sectionHeader, setUwsgiEdit } from './support';

export const uwsgiNotLazy: Rule = {
  id: 'uwsgi-not-lazy',
  category: 'deployment',
  severity: 'warning',
  description: 'uWSGI loads the app in the master and forks it.',
  check({ model, deployment, report }) {
    const uwsgi = deployment.uwsgi;
    if (!uwsgi) return;
    const lazy = ['lazy', 'lazy-apps'].map((k) => uwsgi.get(k)).find((e) => e && isOn('uwsgi', e.value));
    if (lazy) return;
    const master = isOn('uwsgi', uwsgi.get('master')?.value);
    const workers = uwsgiInt((uwsgi.get('workers') ?? uwsgi.get('processes'))?.value ?? '1').value;
    if (!master && workers <= 1) return;
    const off = uwsgi.get('lazy') ?? uwsgi.get('lazy-apps');
    report({
      range: off ? off.valueRange : sectionHeader(model.parsed, 'uwsgi')!.headerRange,
      message: `uWSGI loads Kallithea once and then forks its workers, so they inherit and share the same database connections, which breaks under load. Set lazy = true so that every worker loads the app itself.`,
    });
  },
  fix({ model, eol }) {
    const key = model.sections.get('uwsgi')?.has('lazy-apps') && !model.sections.get('uwsgi')?.has('lazy') ? 'lazy-apps' : 'lazy';
    const edit = setUwsgiEdit(model, key, 'true', eol);
    return edit ? [{ title: `Load the app in each worker (${key} = true)`, edits: [edit], preferred: true, safe: true }] : [];
  },
};
