// The Kallithea configs of the workspace, for the rules that compare instances of
// one site (shared data directories, one Celery broker, SQLite shared by several
// instances). Closed files are read from disk once and again when they change;
// open documents take precedence. Only .ini files inside the workspace folders are read.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { isKallitheaModel } from '../core/model/detect';
import type { Peer } from '../core/model/deployment';
import { openFile } from '../core/analysis/analysis';
import type { ConfigModel } from '../core/model/model';
import { findPeers, type InstanceSignature } from '../core/model/workspace';
import { iniFilesUnder } from '../host/config-files';
import type { DeploymentSettings } from '../core/model/deployment';

export type FilePolicy = (file: string) => { listed: boolean; excluded: boolean; maxFileSize: number };

/** Enough for any real deployment repository; a bigger tree is scanned only this far. */
const MAX_FILES = 2000;

export class WorkspaceIndex {
  private readonly onDisk = new Map<string, Peer>();
  private readonly open = new Map<string, Peer>();
  private readonly signatures = new Map<string, InstanceSignature>();
  private policy: FilePolicy = () => ({ listed: false, excluded: false, maxFileSize: Infinity });

  /**
   * How to treat each file, from the settings of its own project file: listed in
   * `files` (a config whatever it says), excluded (never read), and the size above
   * which it is not read (the same limit as for open documents).
   */
  configure(policy: FilePolicy): void {
    this.policy = policy;
  }

  /** Forget the files of a workspace folder that was removed. */
  removeUnder(folder: string): void {
    const prefix = folder.endsWith(path.sep) ? folder : folder + path.sep;
    for (const file of [...this.onDisk.keys()]) if (file.startsWith(prefix)) this.removeFile(file);
  }

  /** Read every Kallithea config under the folders (asynchronously, so requests are served meanwhile). */
  async scan(folders: string[]): Promise<void> {
    let budget = MAX_FILES;
    for (const folder of folders) {
      // Each file is read asynchronously, so requests are served between files.
      for (const file of iniFilesUnder(folder)) {
        if (budget-- <= 0) return;
        await this.refreshFile(file);
      }
    }
  }

  async refreshFile(file: string): Promise<void> {
    const policy = this.policy(file);
    if (policy.excluded) {
      this.removeFile(file);
      return;
    }
    let text: string;
    try {
      if ((await fs.promises.stat(file)).size > policy.maxFileSize) {
        this.removeFile(file);
        return;
      }
      text = await fs.promises.readFile(file, 'utf8');
    } catch {
      this.removeFile(file);
      return;
    }
    const model = openFile({ text, filePath: file }, { maxFileSize: policy.maxFileSize }).model;
    if (!model) return this.removeFile(file);
    if (isKallitheaModel(model) || policy.listed) this.onDisk.set(file, { path: file, model });
    else this.onDisk.delete(file);
    this.signatures.delete(file);
  }

  removeFile(file: string): void {
    this.onDisk.delete(file);
    this.signatures.delete(file);
  }

  /** An open document's current model replaces what is on disk. */
  setOpen(file: string, model: ConfigModel): void {
    this.open.set(file, { path: file, model });
    this.signatures.delete(file);
  }

  closeOpen(file: string): void {
    this.open.delete(file);
    this.signatures.delete(file);
  }

  all(): Peer[] {
    const byPath = new Map(this.onDisk);
    for (const [p, peer] of this.open) byPath.set(p, peer);
    return [...byPath.values()];
  }

  size(): number {
    return this.all().length;
  }

  peers(self: Peer, settings: DeploymentSettings): Peer[] {
    const all = this.all();
    if (all.length < 2) return [];
    this.signatures.delete(self.path);
    return findPeers(self, all, settings, this.signatures);
  }

}
