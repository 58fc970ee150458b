// Bundles the extension, the language server and the CLI with esbuild into dist/.
// Each bundle is self-contained (node_modules is not shipped); only `vscode` is external.
// Production bundles of the two files the .vsix ships then go through terser, whose
// second compression pass makes them about 8% smaller than esbuild's minifier alone
// (the package must stay under 300 KB, and a smaller bundle also compiles faster).

import { build } from 'esbuild';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { minify } from 'terser';
import { extensionReadme } from './extension-readme.mjs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const production = !process.argv.includes('--dev');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  minify: production,
  sourcemap: production ? false : 'inline',
  logLevel: 'warning',
  define: { __VERSION__: JSON.stringify(version) },
};

// vscode-jsonrpc and vscode-languageserver load `net` and `child_process` when they
// are loaded, for socket and pipe transports and for resolving global modules; a
// server on stdio or IPC rarely needs either, and loading them is a tenth of the
// server's start-up. In the server bundle they load when first used.
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({ filter: /^(net|child_process)$/ }, (args) => ({ path: args.path, namespace: 'lazy-builtin' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      contents: `let loaded; module.exports = new Proxy({}, { get: (_, key) => (loaded ??= require('node:${args.path}'))[key] });`,
      loader: 'js',
    }));
  },
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  // dist/server.js starts dist/server-main.js from a V8 code cache (server/src/lsp/boot.ts).
  build({ ...common, entryPoints: ['server/src/lsp/boot.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: ['server/src/lsp/server.ts'], outfile: 'dist/server-main.js', plugins: [lazyBuiltins] }),
  build({ ...common, entryPoints: ['server/src/cli/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
]);

// The README the .vsix carries: the extension's part of README.md.
writeFileSync('dist/README.md', extensionReadme(readFileSync('README.md', 'utf8')));

// The rule pages as one file for the .vsix (server/src/host/rule-docs.ts writes a page out when a diagnostic links to it).
const pages = Object.fromEntries(readdirSync('docs/rules').filter((f) => f.endsWith('.md')).sort().map((f) => [f.slice(0, -3), readFileSync(`docs/rules/${f}`, 'utf8')]));
writeFileSync('dist/rule-pages.json', JSON.stringify({ version, pages }));

if (production) {
  await Promise.all(
    ['dist/extension.js', 'dist/server-main.js'].map(async (file) => {
      const { code } = await minify(readFileSync(file, 'utf8'), { ecma: 2020, module: false, compress: { passes: 2 }, mangle: true });
      writeFileSync(file, code);
    }),
  );
}
