import type { Rule } from '../analysis/diagnostics';
import { setKeyEdit, setValueEdit } from '../edits/edits';
import { DEFAULT_PUBLIC_PATH } from '../../shared/names';
import { staticServerConfig } from '../catalog/static-files';
import { isOff } from '../catalog/values';
import { entryAt, insertAfterEntry, sectionHeader } from './support';

interface Data {
  app: string;
  serveStaticLine?: number;
  staticFilesLine?: number;
  prefix?: string;
}

export const staticFilesBehindProxy: Rule<Data> = {
  id: 'static-files-behind-proxy',
  category: 'deployment',
  severity: 'warning',
  description: 'Kallithea serves `kallithea/public` itself although a web server sits in front of it.',
  check({ model, deployment, report }) {
    const proxy = deployment.behindProxy;
    const app = model.appSection();
    if (!proxy || !app) return;
    const serveStatic = model.appSetting('serve_static');
    if (isOff('tg', serveStatic?.value)) return;
    const staticFiles = model.appSetting('static_files');
    const where = serveStatic?.entry ?? staticFiles?.entry;
    const range = where ? where.keyRange : sectionHeader(model.parsed, app)!.headerRange;
    const state = serveStatic?.entry ? `serve_static is "${serveStatic.value}"` : 'serve_static is not set (it defaults to true)';
    const note = staticFiles?.entry
      ? ` "static_files", which older docs name, is read by nothing in Kallithea 0.7, so it does not turn this off.`
      : '';
    report({
      range,
      message: `The site is behind a proxy (${proxy.text}), yet Kallithea still serves its static files itself: ${state}.${note} Every image, script and stylesheet then takes a Kallithea worker. Let the web server serve the five kallithea/public folders and set serve_static = false.`,
      data: {
        app,
        serveStaticLine: serveStatic?.entry?.keyRange.start.line,
        staticFilesLine: staticFiles?.entry?.keyRange.start.line,
        prefix: model.prefixFilter()?.prefix,
      } satisfies Data,
    });
  },
  fix({ model, env, eol }, diagnostic) {
    const d = diagnostic.data;
    const serveStatic = d.serveStaticLine !== undefined ? entryAt(model, d.serveStaticLine) : undefined;
    const staticFiles = d.staticFilesLine !== undefined ? entryAt(model, d.staticFilesLine) : undefined;
    const edits = [];
    // Edit the line that wins, even when it is in [DEFAULT] or a `set` line.
    if (serveStatic) edits.push(setValueEdit(serveStatic, 'false'));
    else if (staticFiles && staticFiles.section.name === d.app) edits.push(insertAfterEntry(model.parsed, staticFiles, 'serve_static', 'false', eol));
    else {
      const edit = setKeyEdit(model.parsed, d.app, 'serve_static', 'false', eol);
      if (edit) edits.push(edit);
    }
    // Keep the documented (but ignored) switch consistent with the real one.
    if (staticFiles && !isOff('tg', staticFiles.value)) edits.push(setValueEdit(staticFiles, 'false'));
    const publicPath = env.settings.staticFilesPath || DEFAULT_PUBLIC_PATH;
    const show = (server: 'nginx' | 'apache', title: string) => ({ title, edits: [], show: { language: server, content: staticServerConfig(server, publicPath, d.prefix) } });
    return [
      { title: 'Set serve_static = false (the web server serves kallithea/public)', edits, preferred: true },
      show('nginx', 'Show the nginx location blocks for kallithea/public'),
      show('apache', 'Show the Apache Alias lines for kallithea/public'),
    ];
  },
};
