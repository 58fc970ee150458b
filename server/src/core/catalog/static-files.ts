// The web-server snippets that serve Kallithea's static files instead of the app:
// the five folders of kallithea/public, under the site's URL prefix.

export const PUBLIC_FOLDERS = ['images', 'css', 'js', 'codemirror', 'fontello'] as const;

import { DEFAULT_PUBLIC_PATH } from '../../shared/names';

export type WebServer = 'nginx' | 'apache';

function clean(prefix: string | undefined): string {
  const p = (prefix ?? '').trim().replace(/\/+$/, '');
  return p === '' || p === '/' ? '' : p.startsWith('/') ? p : '/' + p;
}

export function staticServerConfig(server: WebServer, publicPath = DEFAULT_PUBLIC_PATH, urlPrefix?: string): string {
  const prefix = clean(urlPrefix);
  const root = publicPath.replace(/\/+$/, '');
  if (server === 'nginx') {
    const blocks = PUBLIC_FOLDERS.map(
      (f) => `    location ${prefix}/${f}/ {\n        alias ${root}/${f}/;\n        expires 7d;\n    }`,
    );
    return [
      `# Serve Kallithea's static files from nginx (inside the server { } block of the site).`,
      `# After an upgrade of Kallithea, check that ${root} still exists.`,
      ...blocks,
      '',
      `# Then set "serve_static = false" in [app:main].`,
      '',
    ].join('\n');
  }
  const aliases = PUBLIC_FOLDERS.map((f) => `Alias ${prefix}/${f}/ ${root}/${f}/`);
  const exclusions = PUBLIC_FOLDERS.map((f) => `ProxyPass ${prefix}/${f}/ !`);
  return [
    `# Serve Kallithea's static files from Apache (inside the site's <VirtualHost>).`,
    `# After an upgrade of Kallithea, check that ${root} still exists.`,
    `# With mod_proxy, keep these folders away from the backend (before the ProxyPass to Kallithea):`,
    ...exclusions,
    ...aliases,
    `<Directory ${root}>`,
    '    Require all granted',
    '</Directory>',
    '',
    `# Then set "serve_static = false" in [app:main].`,
    '',
  ].join('\n');
}
