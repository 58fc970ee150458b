// The settings of each document, from four layers (later wins): the defaults, the
// `.kallithea-ini.json` that governs the file, the client's initializationOptions,
// and its workspace/configuration answers. Merged once per project file and
// recomputed when a layer changes.

import { mergeSettingLayers, type ProjectFile } from '../core/settings/project-file';
import { ProjectFiles } from '../host/project-files';
import { normalizeSettings, type ServerSettings } from '../core/settings/settings';

export class SettingsStore {
  private initLayer: unknown = undefined;
  private clientLayer: unknown = undefined;
  private folders: string[] = [];
  private readonly projects = new ProjectFiles();
  private readonly merged = new Map<string, ServerSettings>();

  /** initializationOptions.settings: what Neovim, Emacs and Vim users can set without answering workspace/configuration. */
  setInit(raw: unknown): void {
    this.initLayer = raw;
    this.merged.clear();
  }

  /** A workspace/configuration answer or a pushed didChangeConfiguration; null leaves the lower layers in force. */
  setClient(raw: unknown): void {
    this.clientLayer = raw;
    this.merged.clear();
  }

  /** The workspace folders (paths). */
  get roots(): string[] {
    return this.folders;
  }

  setFolders(folders: string[]): void {
    this.folders = folders;
    this.projectsChanged();
  }

  projectsChanged(): void {
    this.projects.clear();
    this.merged.clear();
  }

  /** The project file that governs a file, if any. */
  projectFor(file: string | undefined): ProjectFile | undefined {
    return file ? this.projects.forFile(file, this.folders) : undefined;
  }

  /** Settings for a file (or, without one, the workspace-wide ones: no project file). */
  forFile(file?: string): ServerSettings {
    const project = this.projectFor(file);
    const key = project?.path ?? '';
    let settings = this.merged.get(key);
    if (!settings) this.merged.set(key, (settings = normalizeSettings(mergeSettingLayers(project?.settings, this.initLayer, this.clientLayer))));
    return settings;
  }

  /** Every project file found so far, with its errors. */
  projectFiles(): ProjectFile[] {
    return this.projects.all();
  }
}
