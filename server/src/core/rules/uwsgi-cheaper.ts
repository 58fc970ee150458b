import type { Rule } from '../analysis/diagnostics';
import { uwsgiInt } from '../catalog/values';
import { commentOutEntry, setUwsgiEdit } from './support';

export const uwsgiCheaper: Rule<{ workers: number }> = {
  id: 'uwsgi-cheaper',
  category: 'deployment',
  severity: 'error',
  description: 'uWSGI `cheaper` not lower than `workers`.',
  check({ deployment, report }) {
    const cheaper = deployment.uwsgi?.get('cheaper');
    if (!cheaper) return;
    const min = uwsgiInt(cheaper.value).value;
    const workersEntry = deployment.uwsgi!.get('workers') ?? deployment.uwsgi!.get('processes');
    const workers = workersEntry ? uwsgiInt(workersEntry.value).value : 1;
    if (min < workers || min === 0) return;
    report({
      range: cheaper.valueRange,
      message: `cheaper = ${min} is not lower than the ${workers} worker${workers === 1 ? '' : 's'} uWSGI may start, so uWSGI stops at startup ("invalid cheaper value"). Make cheaper smaller than workers, or remove it.`,
      data: { workers },
    });
  },
  fix({ model, eol }, diagnostic) {
    const { workers } = diagnostic.data;
    const cheaper = model.sections.get('uwsgi')?.get('cheaper');
    if (!cheaper) return [];
    const fixes = [];
    if (workers >= 2) {
      const edit = setUwsgiEdit(model, 'cheaper', String(workers - 1), eol);
      if (edit) fixes.push({ title: `Set cheaper = ${workers - 1}`, edits: [edit], preferred: true });
    }
    fixes.push({ title: 'Comment out cheaper (no adaptive scaling)', edits: commentOutEntry(model.parsed, cheaper), preferred: workers < 2 });
    return fixes;
  },
};
