// Finding `.kallithea-ini.json` for a config: from the config's folder upwards,
// stopping at the workspace folder that holds it (or the filesystem root). The
// server, the CLI and the VS Code client all find it here; results are cached per
// folder until a project file changes.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseProjectFile, PROJECT_FILE, type ProjectFile } from '../core/settings/project-file';

export class ProjectFiles {
  private readonly byDir = new Map<string, ProjectFile | null>();
  private readonly parsed = new Map<string, ProjectFile>();

  /**
   * The project file that governs `file`, if any. `roots` are the workspace folders:
   * the search stops at the one that holds the file; a file outside all of them has
   * none (the server reads nothing outside the workspace); with no workspace folders
   * at all (an editor started on a single file, the CLI) it goes up to the root.
   */
  forFile(file: string, roots: readonly string[] = []): ProjectFile | undefined {
    const stop = roots.map((r) => path.resolve(r)).find((r) => isInside(path.resolve(file), r));
    if (roots.length > 0 && stop === undefined) return undefined;
    return this.forDir(path.dirname(path.resolve(file)), stop) ?? undefined;
  }

  private forDir(dir: string, stop: string | undefined): ProjectFile | null {
    const cached = this.byDir.get(dir);
    if (cached !== undefined) return cached;
    const candidate = path.join(dir, PROJECT_FILE);
    let found: ProjectFile | null = null;
    if (fs.existsSync(candidate)) found = this.read(candidate);
    else if (dir !== stop && path.dirname(dir) !== dir) found = this.forDir(path.dirname(dir), stop);
    this.byDir.set(dir, found);
    return found;
  }

  /** Read (or re-read) one project file; a file that cannot be read is an error, not a crash. */
  read(file: string): ProjectFile {
    let project = this.parsed.get(file);
    if (project) return project;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      project = { path: file, settings: {}, exclude: [], errors: [{ message: `${PROJECT_FILE} cannot be read (${(err as Error).message}).`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }] };
      this.parsed.set(file, project);
      return project;
    }
    project = parseProjectFile(text, file);
    this.parsed.set(file, project);
    return project;
  }

  /** Every project file read so far. */
  all(): ProjectFile[] {
    return [...this.parsed.values()];
  }

  /** Forget everything (a project file was created, changed or deleted). */
  clear(): void {
    this.byDir.clear();
    this.parsed.clear();
  }
}

function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

export function isProjectFile(file: string): boolean {
  return path.basename(file) === PROJECT_FILE;
}
