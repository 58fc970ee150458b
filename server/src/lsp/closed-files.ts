// Problems in the closed files of the open documents' sites: when a config is open, the
// other instances of its site (read from disk by the workspace index) are linted too,
// and their diagnostics published under their own URIs (or, to a client that pulls
// workspace diagnostics, reported when it asks), so that the Problems panel shows what
// is wrong across the site without opening each file. They are linted again when a
// file changes on disk or an open document changes, off the keystroke path, and
// cleared once a file is no longer an instance of an open document's site.

import { pathToFileURL } from 'node:url';
import type { Connection, Diagnostic as LspDiagnostic, WorkspaceDiagnosticReport } from 'vscode-languageserver/node';
import { lint } from '../core/analysis/analysis';
import type { LintEnvironment, Peer } from '../core/model/deployment';
import type { ServerSettings } from '../core/settings/settings';
import type { ClientFeatures } from './client-features';
import { toLspDiagnostic } from './handlers/diagnostics';

export interface ClosedFileHooks {
  /** The other instances of each open document's site (from their last lint). */
  openSites(): Peer[][];
  /** True when the file is open in the editor (its own lint publishes it then). */
  isOpen(path: string): boolean;
  settingsFor(path: string): ServerSettings;
  /** The lint environment of a closed file: the settings and the other instances of its site. */
  environment(peer: Peer, settings: ServerSettings): LintEnvironment;
  features(): ClientFeatures;
}

export class ClosedFileProblems {
  private readonly published = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private pull: { refresh: boolean } | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly hooks: ClosedFileHooks,
  ) {}

  /** Lint the closed instance files again once the current burst of work is over. */
  schedule(delayMs = 0): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), delayMs);
  }

  /**
   * Lint every closed instance file of an open document's site, and clear the ones that
   * left: published at once, or, for a client that pulls workspace diagnostics, asked
   * for again (workspace/diagnostic/refresh) and answered by workspaceReport().
   */
  refresh(): void {
    clearTimeout(this.timer);
    if (this.pull) {
      if (this.pull.refresh) void this.connection.languages.diagnostics.refresh().catch(() => undefined);
      return;
    }
    for (const { path, diagnostics } of this.reports()) void this.connection.sendDiagnostics({ uri: uriOf(path), diagnostics });
  }

  /** Answer the diagnostic pulls: open documents are published (for every client), so a pull for one adds nothing; the workspace pull gets the closed files. */
  listen(): void {
    this.connection.languages.diagnostics.on(() => ({ kind: 'full', items: [] }));
    this.connection.languages.diagnostics.onWorkspace(() => this.workspaceReport());
  }

  /** The client pulls workspace diagnostics (LSP 3.17): closed files are reported on request, not published. */
  usePull(refresh: boolean): void {
    this.pull = { refresh };
  }

  /** workspace/diagnostic: a full report for each closed instance file, and an empty one for each that left. */
  workspaceReport(): WorkspaceDiagnosticReport {
    return { items: this.reports().map(({ path, diagnostics }) => ({ kind: 'full', uri: uriOf(path), version: null, items: diagnostics })) };
  }

  /** What to tell the client now: the closed instance files' diagnostics, and empty lists for the files that left every site. */
  private reports(): { path: string; diagnostics: LspDiagnostic[] }[] {
    const closed = new Map<string, Peer>();
    for (const site of this.hooks.openSites()) for (const peer of site) if (!this.hooks.isOpen(peer.path)) closed.set(peer.path, peer);
    const out: { path: string; diagnostics: LspDiagnostic[] }[] = [];
    for (const path of [...this.published]) {
      if (closed.has(path)) continue;
      this.published.delete(path);
      // An open file publishes its own diagnostics; a file that left every site is cleared.
      if (!this.hooks.isOpen(path)) out.push({ path, diagnostics: [] });
    }
    for (const peer of closed.values()) {
      const settings = this.hooks.settingsFor(peer.path);
      const diagnostics = lint(peer.model, { rules: settings.rules, env: this.hooks.environment(peer, settings) });
      this.published.add(peer.path);
      out.push({ path: peer.path, diagnostics: diagnostics.map((d) => toLspDiagnostic(uriOf(peer.path), d, this.hooks.features())) });
    }
    return out;
  }

  /** Some closed file has diagnostics published (they must be cleared when it leaves every site). */
  any(): boolean {
    return this.published.size > 0;
  }

  /** A file was opened: its own lint publishes it from now on. */
  opened(path: string): void {
    this.published.delete(path);
  }
}

const uriOf = (path: string) => pathToFileURL(path).toString();
