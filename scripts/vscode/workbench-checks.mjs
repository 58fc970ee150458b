// Looking at the workbench as a person does, on the offline host: the squiggle on a
// line, the Problems panel entry, the hover widget, the quick-fix menu, and a snippet
// inserted by typing its prefix, inlay hints, the Site view and the instances
// compared. Screenshots of each go to docs/images/ for the README. Every wait is on something appearing on screen.

import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, startCodeServer } from './code-server-host.mjs';

const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.colorTheme': 'Default Light Modern',
  'editor.minimap.enabled': false,
  'editor.hover.delay': 100,
  'editor.fontSize': 14,
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  // Widgets appear at once instead of fading in, so a screenshot never catches one half drawn.
  'workbench.reduceMotion': 'on',
};

/** Resolves once every animation on the element and around it has finished (a fade-in, for one). */
async function settled(locator) {
  await locator.evaluate((el) => {
    const animations = el.getAnimations({ subtree: true });
    for (let up = el.parentElement; up; up = up.parentElement) animations.push(...up.getAnimations());
    // A looping animation (a blinking cursor, a spinner) never finishes; only the ones that end count.
    const ending = animations.filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    return Promise.all(ending.map((a) => a.finished.catch(() => undefined)));
  });
}

export async function workbenchChecks({ root, workspace, imagesDir, log = console.log }) {
  const results = [];
  let page;
  const check = async (title, fn) => {
    // KALLITHEA_WORKBENCH_ONLY runs only the checks whose titles hold it (while working on one).
    if (process.env.KALLITHEA_WORKBENCH_ONLY && !title.includes(process.env.KALLITHEA_WORKBENCH_ONLY)) return;
    const started = Date.now();
    try {
      await fn();
      results.push({ title: `workbench: ${title}`, state: 'passed', durationMs: Date.now() - started });
    } catch (err) {
      // What the screen showed when it failed, for whoever reads the report.
      const shot = join(tmpdir(), `kallithea-workbench-failed-${results.length + 1}.png`);
      const taken = await page?.screenshot({ path: shot }).then(() => true, () => false);
      results.push({ title: `workbench: ${title}`, state: 'failed', error: String(err?.stack ?? err) + (taken ? `\nscreenshot: ${shot}` : '') });
    }
  };
  mkdirSync(imagesDir, { recursive: true });
  const server = await startCodeServer({ userSettings: SETTINGS });
  const browser = await launchChromium();
  try {
    page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
    page.setDefaultTimeout(60_000);
    await page.goto(server.workbenchUrl(workspace, root));
    await page.locator('.monaco-workbench').waitFor();

    const openFile = async (name) => {
      await page.locator('.monaco-workbench').click({ position: { x: 640, y: 300 } });
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').waitFor();
      await page.keyboard.type(name);
      // Wait for the row of that very file (recent files show up first), then open it.
      const parts = name.split('/');
      const base = parts.pop();
      let row = page.locator('.quick-input-list .monaco-list-row', { hasText: base });
      if (parts.length) row = row.filter({ hasText: parts[parts.length - 1] });
      await row.first().click();
      await page.locator(`.tab[aria-label^="${base}"]`).first().waitFor();
    };

    await openFile('production.ini');
    const editor = page.locator('.editor-instance .monaco-editor').first();

    await check('a warning squiggle appears under the SQLite URL', async () => {
      await editor.locator('.squiggly-warning').first().waitFor();
      await page.locator('.view-line', { hasText: 'sqlalchemy.url' }).first().waitFor();
    });

    await check('the Problems panel lists sqlite-multi-worker', async () => {
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'sqlite-multi-worker' }).first().waitFor();
      await page.screenshot({ path: join(imagesDir, 'warning.png') });
    });

    await check('hovering workers shows what it does and its effective value', async () => {
      await page.keyboard.press('Control+Shift+M'); // close the panel again
      const token = page.locator('.view-line span span', { hasText: /^workers$/ }).first();
      await token.hover();
      const hover = page.locator('.monaco-hover', { hasText: 'Effective value' }).first();
      await hover.waitFor();
      await page.locator('.monaco-hover', { hasText: 'worker processes' }).first().waitFor();
      await settled(hover);
      await page.screenshot({ path: join(imagesDir, 'hover.png') });
      await page.keyboard.press('Escape');
    });

    await check('Ctrl+. on the inline comment shows the quick-fix menu', async () => {
      const line = page.locator('.view-line', { hasText: 'git_path' }).first();
      await line.click();
      await page.keyboard.press('End');
      await page.keyboard.press('Control+.');
      await page.locator('.action-widget', { hasText: 'Move the comment to its own line' }).first().waitFor();
      await page.screenshot({ path: join(imagesDir, 'quick-fix.png') });
      await page.keyboard.press('Escape');
    });

    await check('inlay hints show what %(here)s expands to and the workers', async () => {
      await openFile('deploy/host-a/kallithea.ini');
      await page.locator('.statusbar-item', { hasText: 'Kallithea INI' }).first().waitFor();
      await page.locator('.view-line', { hasText: '1 process × 1 thread' }).first().waitFor();
      const line = await page.locator('.view-line', { hasText: 'cache_dir' }).first().evaluate((el) => el.textContent);
      // VS Code shortens a long hint with an ellipsis (editor.inlayHints.maximumLength).
      if (!/^cache_dir\s=\s%\(here\)s\s*=\s\/.+\/data\s*$/.test(line)) throw new Error(`no expanded %(here)s on the cache_dir line: ${line}`);
      await page.screenshot({ path: join(imagesDir, 'inlay-hints.png') });
    });

    await check('the Kallithea Site view in the Explorer lists the instances of the site', async () => {
      await page.keyboard.press('Control+Shift+E');
      // Room for the view: the folder tree above it is folded.
      const folders = page.locator('.pane-header', { hasText: 'workbench' }).first();
      if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
      const header = page.locator('.pane-header', { hasText: 'Kallithea Site' }).first();
      await header.waitFor();
      if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
      const view = page.locator('.pane', { has: header });
      await view.locator('.monaco-list-row', { hasText: 'deploy/host-b' }).first().waitFor();
      // Open host-b's details: where it listens, its server, workers, database, data directory.
      await view.locator('.monaco-list-row', { hasText: 'deploy/host-b' }).first().click();
      await view.locator('.monaco-list-row', { hasText: '10.0.0.12:5000' }).first().waitFor();
      await settled(view);
      await page.screenshot({ path: join(imagesDir, 'site-view.png') });
    });

    await check('Kallithea: Compare Instances opens the table of the site', async () => {
      await openFile('deploy/host-a/kallithea.ini');
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget input').waitFor();
      await page.keyboard.type('Kallithea: Compare Instances');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Compare Instances' }).first().click();
      await page.locator('.tab', { hasText: 'instances compared' }).first().waitFor();
      await page.locator('.view-line', { hasText: '[server] host' }).first().waitFor();
      // The table is wide: the side bar goes while the picture is taken.
      await page.keyboard.press('Control+B');
      await page.locator('.part.sidebar').waitFor({ state: 'hidden' });
      await page.screenshot({ path: join(imagesDir, 'compare.png') });
      await page.keyboard.press('Control+B');
    });

    await check('Kallithea: Scale Out... asks, previews the files, and writes them once the preview is applied', async () => {
      await openFile('single/kallithea.ini');
      await page.locator('.statusbar-item', { hasText: 'Kallithea INI' }).first().waitFor();
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget input').waitFor();
      await page.keyboard.type('Kallithea: Scale Out');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Scale Out' }).first().click();
      const title = (text) => page.locator('.quick-input-widget .quick-input-title', { hasText: text }).first().waitFor();
      await title('Scale out (1/7)');
      await page.keyboard.type('gunicorn');
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'gunicorn' }).first().waitFor();
      await page.keyboard.press('Enter');
      const answers = ['4', 'web1,web2', 'postgresql://kallithea:PASSWORD@db.internal/kallithea', '/srv/kallithea-shared/data', 'https://code.example.org'];
      for (const [i, answer] of answers.entries()) {
        await title(`Scale out (${i + 2}/7)`);
        await page.keyboard.press('Control+A');
        await page.keyboard.type(answer);
        await page.keyboard.press('Enter');
      }
      await title('Scale out (7/7)');
      await page.keyboard.type('nginx');
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'nginx' }).first().waitFor();
      await page.keyboard.press('Enter');
      // The refactor preview holds every file, unticked: nothing is written yet.
      const pane = page.locator('.part.panel').first();
      await pane.locator('.monaco-list-row', { hasText: 'nginx-kallithea.conf' }).first().waitFor();
      // Grouped by kind (one annotation each); the panel made tall enough to show every file, each file is ticked.
      await page.locator('.action-label[aria-label^="Group Changes By Type"]').first().click();
      for (const group of ['Instance configs, one per host', 'Web servers', 'Project file']) await pane.locator('.monaco-list-row', { hasText: group }).first().waitFor();
      await page.locator('.action-label[aria-label^="Maximize Panel Size"]').first().click();
      const files = pane.locator('.monaco-list-row', { hasText: '(creating)' });
      await files.nth(3).waitFor();
      for (let i = 0; i < 4; i++) await files.nth(i).locator('input[type=checkbox]').first().check();
      await page.locator('.action-label[aria-label^="Restore Panel Size"]').first().click();
      await files.filter({ hasText: 'web1' }).first().click();
      await page.locator('.tab', { hasText: 'kallithea.ini' }).first().waitFor();
      // The new file beside its (empty) old self: room for it while the picture is taken.
      await page.locator('.view-line', { hasText: 'workers = 4' }).first().waitFor();
      await page.keyboard.press('Control+B');
      await page.locator('.part.sidebar').waitFor({ state: 'hidden' });
      await settled(pane);
      await page.screenshot({ path: join(imagesDir, 'scale-out-preview.png') });
      await page.keyboard.press('Control+B');
      await page.locator('.monaco-button', { hasText: 'Apply' }).first().click();
      // The first host's config opens with the site's settings.
      await page.locator('.notifications-toasts', { hasText: 'scaled out: 4 files written' }).first().waitFor();
      await page.locator('.view-line', { hasText: 'cache_dir = /srv/kallithea-shared/data' }).first().waitFor();
      // The Problems panel, narrowed to the new files: their information notes arrive, and no warning or error.
      await page.keyboard.press('Control+Shift+M');
      const problems = page.locator('.markers-panel').first();
      const filter = page.locator('.viewpane-filter input, .markers-panel-action-filter input').first();
      await filter.fill('**/single/deploy/**');
      // Narrowed: the other files' problems are gone from the list.
      await problems.locator('.monaco-list-row', { hasText: 'production.ini' }).first().waitFor({ state: 'detached' });
      await problems.locator('.monaco-list-row', { hasText: 'forwarded-without-proxy' }).first().waitFor();
      const bad = await problems.locator('.monaco-list-row .codicon-warning, .monaco-list-row .codicon-error').count();
      if (bad !== 0) throw new Error(`${bad} warnings or errors in the scaled-out files`);
      // Each file once: the preview's copy of a file is not a Kallithea document of its own.
      const web1 = await problems.locator('.monaco-list-row[aria-label$="of folder single/deploy/web1"]').count();
      if (web1 !== 1) throw new Error(`deploy/web1/kallithea.ini is listed ${web1} times in the Problems panel`);
      await filter.fill('');
      await page.keyboard.press('Control+Shift+M');
    });

    await check('typing a snippet prefix and Enter inserts the snippet', async () => {
      await openFile('deploy/host-a/kallithea.ini');
      // The extension switches the language just after the file opens; snippets exist only then.
      await page.locator('.statusbar-item', { hasText: 'Kallithea INI' }).first().waitFor();
      await page.locator('.view-line', { hasText: 'sqlalchemy.url' }).first().click();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('uwsgi-work');
      await page.keyboard.press('Control+Space');
      await page.locator('.suggest-widget .monaco-list-row', { hasText: 'uwsgi-workers' }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.view-line', { hasText: 'buffer-size = 65535' }).first().waitFor();
      await page.keyboard.press('Escape');
    });
  } finally {
    await browser.close();
    await server.stop();
  }
  log(`workbench: ${results.filter((r) => r.state === 'passed').length} of ${results.length} checks passed; screenshots in ${imagesDir}`);
  return results;
}
