// A scale-out as files on disk: the plan's files under the output folder, which of
// them exist already, and the project file to update (the one that governs the
// output folder, or a new one in it). The CLI writes them; the language server turns
// them into one WorkspaceEdit to preview.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { secureRandomHex } from '../core/edits/secrets';
import { planScaleOut, type PlanResult, type ScaleOutPlan } from '../core/scale-out/plan';
import { updatedProjectFile } from '../core/scale-out/project';
import type { Problem, ScaleOutOptions } from '../core/scale-out/options';
import { PROJECT_FILE } from '../core/settings/project-file';
import { ProjectFiles } from './project-files';

export interface FileToWrite {
  /** Absolute path. */
  path: string;
  text: string;
  about: string;
  exists: boolean;
  role: 'instance' | 'server' | 'project';
  /** The project file's text as it is now, when it exists (an editor replaces it whole). */
  previous?: string;
}

export interface PreparedScaleOut {
  plan: ScaleOutPlan;
  files: FileToWrite[];
}

export function prepareScaleOut(
  config: { path: string; text: string },
  outDir: string,
  options: ScaleOutOptions,
  roots: readonly string[] = [],
  randomHex = secureRandomHex,
): { ok: true; prepared: PreparedScaleOut } | { ok: false; problems: Problem[] } {
  const out = path.resolve(outDir);
  const result: PlanResult = planScaleOut({ text: config.text, configPath: path.resolve(config.path), outDir: out, options, randomHex });
  if (!result.ok) return result;
  const files: FileToWrite[] = result.plan.files.map((f) => {
    const file = path.join(out, ...f.path.split('/'));
    return { path: file, text: f.text, about: f.about, exists: fs.existsSync(file), role: f.role };
  });
  // The project file that governs the new configs, or a new one beside them.
  const project = new ProjectFiles().forFile(path.join(out, 'web', 'kallithea.ini'), roots);
  const projectPath = project?.path ?? path.join(out, PROJECT_FILE);
  const existing = project ? fs.readFileSync(project.path, 'utf8') : undefined;
  const updated = updatedProjectFile(existing, projectPath, out, result.plan.project);
  if ('error' in updated) return { ok: false, problems: [{ option: 'hosts', message: updated.error }] };
  files.push({ path: projectPath, text: updated.text, about: `the project file: the new configs are instances of one site`, exists: project !== undefined, role: 'project', previous: existing });
  return { ok: true, prepared: { plan: result.plan, files } };
}
