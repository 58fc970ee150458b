// Problems in the closed files of the open documents' sites: when a config is open, the
// other instances of its site (read from disk by the workspace index) are linted too,
// and their diagnostics published under their own URIs, so that the Problems panel
// shows what is wrong across the site without opening each file. They are linted
// again when a file changes on disk or an open document changes, off the keystroke
// path, and cleared once a file is no longer an instance of an open document's site.

import { pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver/node';
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

  constructor(
    private readonly connection: Connection,
    private readonly hooks: ClosedFileHooks,
  ) {}

  /** Lint the closed instance files again once the current burst of work is over. */
  schedule(delayMs = 0): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), delayMs);
  }

  /** Lint and publish every closed instance file of an open document's site; clear the ones that left. */
  refresh(): void {
    clearTimeout(this.timer);
    const closed = new Map<string, Peer>();
    for (const site of this.hooks.openSites()) for (const peer of site) if (!this.hooks.isOpen(peer.path)) closed.set(peer.path, peer);
    for (const path of [...this.published]) {
      if (closed.has(path)) continue;
      this.published.delete(path);
      // An open file publishes its own diagnostics; a file that left every site is cleared.
      if (!this.hooks.isOpen(path)) void this.connection.sendDiagnostics({ uri: uriOf(path), diagnostics: [] });
    }
    for (const peer of closed.values()) {
      const settings = this.hooks.settingsFor(peer.path);
      const diagnostics = lint(peer.model, { rules: settings.rules, env: this.hooks.environment(peer, settings) });
      const uri = uriOf(peer.path);
      this.published.add(peer.path);
      void this.connection.sendDiagnostics({ uri, diagnostics: diagnostics.map((d) => toLspDiagnostic(uri, d, this.hooks.features())) });
    }
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
