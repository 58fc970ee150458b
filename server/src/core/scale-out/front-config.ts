// The web server in front of the instances: it balances them, serves kallithea/public
// itself, tells Kallithea who the client is and which scheme it used, and lets long
// clones and big pushes through (no buffering, long timeouts, no body limit). For
// mod_wsgi, the Apache lines and the WSGI script each host runs Kallithea with.

import { PUBLIC_FOLDERS } from '../catalog/static-files';
import type { ScaleOutOptions } from './options';

export interface Upstream {
  host: string;
  port: number;
}

export interface FrontSite {
  options: ScaleOutOptions;
  upstreams: Upstream[];
  /** The public host name ('' when no public URL was given). */
  serverName: string;
  https: boolean;
  /** The port of the public URL, when it names one. */
  port?: number;
  /** The URL path the site lives under ('' at the root). */
  prefix: string;
}

const TIMEOUT = 7200;

export function frontFileName(o: ScaleOutOptions): string {
  return o.front === 'nginx' ? 'nginx-kallithea.conf' : 'apache-kallithea.conf';
}

export function frontConfig(site: FrontSite): string {
  return (site.options.front === 'nginx' ? nginx(site) : apache(site)).join('\n') + '\n';
}

/** The port users reach the site on: the public URL's, else HTTPS's or HTTP's. */
function listenPort(site: FrontSite): number {
  return site.port ?? (site.https ? 443 : 80);
}

function header(site: FrontSite, server: string, where: string): string[] {
  const list = site.upstreams.map((u) => `${u.host}:${u.port}`).join(', ');
  return [
    `# ${server} in front of Kallithea${site.serverName ? ` at ${site.https ? 'https' : 'http'}://${site.serverName}${site.port ? `:${site.port}` : ''}${site.prefix}/` : ''}: balances ${list},`,
    `# serves the static files and streams clones and pushes. Written by Kallithea INI's scale-out; ${where}.`,
    `# kallithea/public must exist at ${site.options.staticPath.replace(/\/+$/, '')} on this machine (the same Kallithea version as the hosts).`,
    '',
  ];
}

function nginx(site: FrontSite): string[] {
  const root = site.options.staticPath.replace(/\/+$/, '');
  const name = site.serverName || '_';
  const lines = [
    ...header(site, 'nginx', 'put it in /etc/nginx/conf.d/'),
    'upstream kallithea {',
    '    # the least busy instance first, so that a long clone does not hold up the requests behind it',
    '    least_conn;',
    ...site.upstreams.map((u) => `    server ${u.host}:${u.port};`),
    '}',
    '',
  ];
  const port = listenPort(site);
  if (site.https && port === 443)
    lines.push('server {', '    listen 80;', `    server_name ${name};`, '    return 301 https://$host$request_uri;', '}', '');
  lines.push(
    'server {',
    ...(site.https
      ? [`    listen ${port} ssl;`, `    server_name ${name};`, `    # the certificate of ${name}`, `    ssl_certificate /etc/ssl/certs/${name}.pem;`, `    ssl_certificate_key /etc/ssl/private/${name}.key;`]
      : [`    listen ${port};`, `    server_name ${name};`]),
    '',
    '    # pushes of any size, and the long headers Mercurial sends',
    '    client_max_body_size 0;',
    '    large_client_header_buffers 8 64k;',
    '',
    '    # kallithea/public, served here instead of by a Kallithea worker',
    ...PUBLIC_FOLDERS.flatMap((f) => [`    location ${site.prefix}/${f}/ {`, `        alias ${root}/${f}/;`, '        expires 7d;', '    }']),
    '',
    ...(site.prefix ? [`    location = ${site.prefix} {`, `        return 301 ${site.prefix}/;`, '    }'] : []),
    `    location ${site.prefix}/ {`,
    '        proxy_pass http://kallithea;',
    '        proxy_http_version 1.1;',
    '        proxy_set_header Host $host;',
    '        # Kallithea reads the right-most address, the one added here, and the scheme set here',
    '        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
    '        proxy_set_header X-Forwarded-Proto $scheme;',
    '        # clones and pushes stream through: no buffering, and time for big repositories',
    '        proxy_buffering off;',
    '        proxy_request_buffering off;',
    `        proxy_read_timeout ${TIMEOUT}s;`,
    `        proxy_send_timeout ${TIMEOUT}s;`,
    '    }',
    '}',
  );
  return lines;
}

function apache(site: FrontSite): string[] {
  const root = site.options.staticPath.replace(/\/+$/, '');
  const name = site.serverName || 'localhost';
  const path = `${site.prefix}/`;
  return [
    ...header(site, 'Apache', 'it needs mod_proxy, mod_proxy_http, mod_proxy_balancer, mod_lbmethod_bybusyness and mod_headers'),
    ...(listenPort(site) === 443 || listenPort(site) === 80 ? [] : [`Listen ${listenPort(site)}`]),
    `<VirtualHost *:${listenPort(site)}>`,
    `    ServerName ${name}`,
    ...(site.https ? ['    SSLEngine on', `    # the certificate of ${name}`, `    SSLCertificateFile /etc/ssl/certs/${name}.pem`, `    SSLCertificateKeyFile /etc/ssl/private/${name}.key`] : []),
    '',
    '    # pushes of any size',
    '    LimitRequestBody 0',
    '',
    '    <Proxy "balancer://kallithea">',
    ...site.upstreams.map((u) => `        BalancerMember "http://${u.host}:${u.port}"`),
    '        # the least busy instance first, so that a long clone does not hold up the requests behind it',
    `        ProxySet lbmethod=bybusyness timeout=${TIMEOUT}`,
    '    </Proxy>',
    '',
    '    # kallithea/public, served here instead of by a Kallithea worker',
    ...PUBLIC_FOLDERS.map((f) => `    ProxyPass ${site.prefix}/${f}/ !`),
    ...PUBLIC_FOLDERS.map((f) => `    Alias ${site.prefix}/${f}/ ${root}/${f}/`),
    `    <Directory ${root}>`,
    '        Require all granted',
    '    </Directory>',
    '',
    '    # Kallithea reads the right-most X-Forwarded-For address, the one mod_proxy adds, and the scheme set here',
    '    ProxyPreserveHost On',
    `    RequestHeader set X-Forwarded-Proto "${site.https ? 'https' : 'http'}"`,
    `    ProxyPass "${path}" "balancer://kallithea${path}"`,
    `    ProxyPassReverse "${path}" "balancer://kallithea${path}"`,
    '</VirtualHost>',
  ];
}

/** The Apache lines that run Kallithea under mod_wsgi on one host. */
export function modWsgiConfig(o: ScaleOutOptions, host: string, port: number, venv: string, installDir: string): string {
  return [
    `# Apache mod_wsgi on ${host}: runs Kallithea in ${o.workers} processes of one thread each, recycled after 1000 requests.`,
    `# Written by Kallithea INI's scale-out. Copy this folder to ${installDir} on ${host} (or change the paths below),`,
    '# and put this file in /etc/apache2/sites-enabled/.',
    `Listen ${port}`,
    `<VirtualHost *:${port}>`,
    `    WSGIDaemonProcess kallithea processes=${o.workers} threads=1 maximum-requests=1000 python-home=${venv} lang=C.UTF-8 locale=C.UTF-8`,
    '    WSGIProcessGroup kallithea',
    '    WSGIApplicationGroup %{GLOBAL}',
    '    # Kallithea checks the credentials of Mercurial and Git clients itself',
    '    WSGIPassAuthorization On',
    `    WSGIScriptAlias / ${installDir}/kallithea.wsgi`,
    `    <Directory ${installDir}>`,
    '        <Files kallithea.wsgi>',
    '            Require all granted',
    '        </Files>',
    '    </Directory>',
    '</VirtualHost>',
    '',
  ].join('\n');
}

/** The WSGI script mod_wsgi loads: kallithea.ini from the script's own folder, logging first. */
export function wsgiScript(): string {
  return [
    '# Loads the kallithea.ini next to this file for Apache mod_wsgi. Written by Kallithea INI\'s scale-out.',
    'import os',
    'from logging.config import fileConfig',
    '',
    'from paste.deploy import loadapp',
    '',
    'here = os.path.dirname(os.path.abspath(__file__))',
    "ini = os.path.join(here, 'kallithea.ini')",
    "fileConfig(ini, {'__file__': ini, 'here': here})",
    "application = loadapp('config:' + ini)",
    '',
  ].join('\n');
}
