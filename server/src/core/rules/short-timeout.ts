import type { Rule } from '../analysis/diagnostics';
import { setKeyEdit } from '../edits/edits';
import { pyInt } from '../catalog/values';
import { gunicornWorkerModel } from './support';

const GUNICORN_MIN = 600;
const WAITRESS_MIN = 1024 ** 3;

export const shortTimeout: Rule<{ section: string; key: string; value: string }> = {
  id: 'short-timeout',
  category: 'deployment',
  severity: 'warning',
  description: 'gunicorn `timeout` under 600 s, or waitress `max_request_body_size` under 1 GiB.',
  check({ deployment, report }) {
    const server = deployment.server;
    // With gevent or eventlet workers gunicorn's timeout is only a heartbeat, not a limit per request.
    if (server?.kind === 'server:gunicorn' && gunicornWorkerModel(server).model !== 'async') {
      const entry = server.entry('timeout');
      const timeout = entry ? pyInt(server.value('timeout') ?? '') : 30;
      const at = entry ?? server.use;
      if (timeout !== undefined && timeout < GUNICORN_MIN && at)
        report({
          range: entry ? entry.valueRange : at.keyRange,
          message: `gunicorn kills a worker that has not finished its request after ${timeout} seconds${entry ? '' : ' (its default)'}, which cuts off long clones and pushes of big repositories. Set timeout = 3600.`,
          data: { section: server.section, key: 'timeout', value: '3600' },
        });
    }
    if (server?.kind === 'server:waitress') {
      const entry = server.entry('max_request_body_size');
      const size = entry ? pyInt(server.value('max_request_body_size') ?? '') : undefined;
      if (entry && size !== undefined && size < WAITRESS_MIN)
        report({
          range: entry.valueRange,
          message: `waitress refuses request bodies over ${size} bytes, so pushes bigger than that fail. Allow at least 1 GiB; Kallithea's template uses 107374182400 (100 GiB).`,
          data: { section: server.section, key: 'max_request_body_size', value: '107374182400' },
        });
    }
  },
  fix({ model, eol }, diagnostic) {
    const { section, key, value } = diagnostic.data;
    const edit = setKeyEdit(model.parsed, section, key, value, eol);
    return edit ? [{ title: `Set ${key} = ${value}`, edits: [edit], preferred: true, safe: true }] : [];
  },
};
