import { useFor } from '../catalog/sections';
import type { Fix, Rule, TextEdit } from '../analysis/diagnostics';
import { setKeyEdit, setValueEdit } from '../edits/edits';
import { isOn, pyInt, uwsgiInt } from '../catalog/values';
import { entryAt, gunicornWorkerModel, setUwsgiEdit } from './support';

type Kind = 'waitress-threads' | 'gunicorn-threads' | 'gunicorn-class' | 'uwsgi-threads' | 'wsgiref-threaded' | 'gevent';

interface Data {
  kind: Kind;
  section: string;
  line: number;
}

const WHY = 'Kallithea and the Mercurial code it runs are not thread-safe, so requests handled side by side in one process can corrupt state or fail at random. Scale with worker processes, one thread each.';

export const threadedWorker: Rule<Data> = {
  id: 'threaded-worker',
  category: 'deployment',
  severity: 'warning',
  description: 'More than one thread (or greenlet) per worker process.',
  check({ deployment, report }) {
    const server = deployment.server;
    const say = (kind: Kind, line: number, range: TextEdit['range'], what: string) =>
      report({ range, message: `${what}. ${WHY}`, data: { kind, section: server?.section ?? 'uwsgi', line } satisfies Data });
    if (server?.kind === 'server:waitress') {
      const entry = server.entry('threads');
      const threads = entry ? pyInt(server.value('threads') ?? '') : 4;
      const at = entry ?? server.use;
      if (threads !== undefined && threads > 1 && at)
        say('waitress-threads', at.keyRange.start.line, at.keyRange, entry ? `waitress runs ${threads} threads in its single process` : 'waitress runs 4 threads unless "threads" says otherwise');
    }
    if (server?.kind === 'server:gunicorn') {
      const worker = gunicornWorkerModel(server);
      const threads = server.entry('threads');
      const count = threads ? pyInt(server.value('threads') ?? '') : 1;
      // Only the sync and gthread workers run threads; gevent and eventlet ignore the setting.
      const threadsApply = worker.model === 'sync' || worker.model === 'gthread';
      if (threads && threadsApply && count !== undefined && count > 1)
        say('gunicorn-threads', threads.keyRange.start.line, threads.valueRange, `gunicorn runs ${count} threads in every worker${worker.model === 'sync' ? ' (and switches the sync worker to gthread)' : ''}`);
      const cls = server.entry('worker_class');
      if (cls && worker.model !== 'sync')
        say('gunicorn-class', cls.keyRange.start.line, cls.valueRange, `gunicorn's "${worker.name}" worker class serves several requests at once in each worker`);
    }
    if (server?.kind === 'server:wsgiref') {
      const threaded = server.entry('wsgiref.threaded');
      if (threaded && isOn('paste', server.value('wsgiref.threaded'))) say('wsgiref-threaded', threaded.keyRange.start.line, threaded.valueRange, 'wsgiref.threaded starts a new thread for every request');
    }
    if (server?.kind === 'server:gevent' && server.use) say('gevent', server.use.keyRange.start.line, server.use.valueRange, 'gearbox\'s gevent server handles every connection as a greenlet in one process');
    const uwsgiThreads = deployment.uwsgi?.get('threads');
    if (uwsgiThreads) {
      const { value } = uwsgiInt(uwsgiThreads.value);
      if (value > 1) say('uwsgi-threads', uwsgiThreads.keyRange.start.line, uwsgiThreads.valueRange, `uWSGI runs ${value} threads in every worker`);
    }
  },
  fix({ model, eol }, diagnostic) {
    const d = diagnostic.data;
    const entry = entryAt(model, d.line);
    const one = (title: string, edit: TextEdit | undefined): Fix[] => (edit ? [{ title, edits: [edit], preferred: true, safe: true }] : []);
    switch (d.kind) {
      case 'waitress-threads':
        return one('Use one thread (threads = 1)', setKeyEdit(model.parsed, d.section, 'threads', '1', eol));
      case 'gunicorn-threads':
        return one('Use one thread per worker (threads = 1)', entry && setValueEdit(entry, '1'));
      case 'gunicorn-class': {
        // threads > 1, ignored by gevent, would turn the sync worker into gthread: one thread too.
        const threads = model.sections.get(d.section)?.get('threads');
        const many = threads && (pyInt(threads.value) ?? 0) > 1;
        if (!entry) return [];
        return [{ title: many ? 'Use the sync worker class with one thread' : 'Use the sync worker class', edits: [setValueEdit(entry, 'sync'), ...(many ? [setValueEdit(threads, '1')] : [])], preferred: true, safe: true }];
      }
      case 'wsgiref-threaded':
        return one('Turn off wsgiref.threaded', entry && setValueEdit(entry, 'false'));
      case 'uwsgi-threads':
        return one('Use one thread per worker (threads = 1)', setUwsgiEdit(model, 'threads', '1', eol));
      case 'gevent': {
        const threads = setKeyEdit(model.parsed, d.section, 'threads', '1', eol);
        if (!entry || !threads) return [];
        return [{ title: 'Switch to waitress with one thread', edits: [setValueEdit(entry, useFor('server:waitress')), threads] }];
      }
    }
  },
};
