import type { Rule } from '../analysis/diagnostics';
import { setKeyEdit } from '../edits/edits';
import { uwsgiText } from '../catalog/values';

export const uwsgiHookInterpreter: Rule<{ app: string; python: string }> = {
  id: 'uwsgi-hook-interpreter',
  category: 'startup',
  severity: 'warning',
  description: 'Under uWSGI without `git_hook_interpreter`.',
  check({ model, deployment, report }) {
    const app = model.appSection();
    if (!deployment.uwsgi || !app || model.appSetting('git_hook_interpreter')?.value?.trim()) return;
    const venv = ['venv', 'virtualenv', 'home', 'pyhome'].map((k) => deployment.uwsgi!.get(k)).find(Boolean);
    const python = venv ? `${uwsgiText(venv.value).split(/\s/)[0].replace(/\/+$/, '')}/bin/python3` : '/srv/kallithea/venv/bin/python3';
    report({
      range: model.parsed.sections.find((s) => s.name === app)!.headerRange,
      message: `Under uWSGI, Python's sys.executable is the uwsgi binary, so Kallithea writes it into the #! line of the Git hooks it installs and every push runs them with the wrong program. Set git_hook_interpreter (e.g. ${python}) and reinstall the hooks.`,
      data: { app, python },
    });
  },
  fix({ model, eol }, diagnostic) {
    const { app, python } = diagnostic.data;
    const edit = setKeyEdit(model.parsed, app, 'git_hook_interpreter', python, eol);
    return edit ? [{ title: `Set git_hook_interpreter = ${python}`, edits: [edit], preferred: true }] : [];
  },
};
