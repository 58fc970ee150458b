// The scale-out commands: the answers the prompts start from, the problems of an
// answer, and the scale-out itself as one WorkspaceEdit (files created, the project
// file updated), every change annotated to be confirmed, so that an editor previews
// it before anything is written. The VS Code client applies the edit it gets back;
// another editor may ask the server to send it through workspace/applyEdit.

import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ChangeAnnotation, Connection, CreateFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { DeploymentSettings } from '../../core/model/deployment';
import type { ConfigModel } from '../../core/model/model';
import { checkOptions, suggestOptions, usesCelery, type ScaleOutOptions } from '../../core/scale-out/options';
import { refusal } from '../../core/scale-out/plan';
import { prepareScaleOut, type FileToWrite } from '../../host/scale-out';
import { SERVER_COMMANDS } from '../../shared/names';
import type { ClientFeatures } from '../client-features';

export interface ScaleOutInputs {
  connection: Connection;
  modelFor(uri: string): ConfigModel | undefined;
  deployment(uri: string | undefined): DeploymentSettings;
  roots(): string[];
  features(): ClientFeatures;
}

/** The folder next to the config that the files go to. */
export const DEPLOY_FOLDER = 'deploy';

// One group per kind of file, so that the preview groups the changes by kind and each group is confirmed with one tick.
const ANNOTATIONS: Record<string, ChangeAnnotation> = {
  'kallithea.scaleOut.instance': { label: 'Instance configs, one per host', needsConfirmation: true, description: 'new files' },
  'kallithea.scaleOut.server': { label: 'Web servers: the one in front, and mod_wsgi on each host', needsConfirmation: true, description: 'new files' },
  'kallithea.scaleOut.project': { label: 'Project file: the instances as one site', needsConfirmation: true, description: 'deployment.instances and sharedDataDir' },
  'kallithea.scaleOut.overwrite': { label: 'Files that exist and are replaced', needsConfirmation: true, description: 'their text is replaced by the new one' },
};

export async function scaleOutCommand(command: string, arg: { uri?: string; options?: Partial<ScaleOutOptions>; apply?: boolean } | undefined, inputs: ScaleOutInputs): Promise<unknown> {
  const uri = arg?.uri;
  const model = uri ? inputs.modelFor(uri) : undefined;
  if (!uri || !model) return { error: 'Open a Kallithea config first.' };
  const refused = refusal(model);
  if (refused) return { error: `This config cannot be scaled out: ${refused}.` };
  const deployment = inputs.deployment(uri);
  const suggested = suggestOptions(model, deployment);
  const options = { ...suggested, ...(arg?.options ?? {}) } as ScaleOutOptions;
  const configPath = fileURLToPath(uri);
  const outDir = path.join(path.dirname(configPath), DEPLOY_FOLDER);
  if (command === SERVER_COMMANDS.scaleOutDefaults) return { options: suggested, celery: usesCelery(model), outDir };
  if (command === SERVER_COMMANDS.scaleOutCheck) return { problems: checkOptions(options, usesCelery(model)) };

  const prepared = prepareScaleOut({ path: configPath, text: model.parsed.text }, outDir, options, inputs.roots());
  if (!prepared.ok) return { problems: prepared.problems };
  const { plan, files } = prepared.prepared;
  const edit = scaleOutEdit(files, inputs.features().changeAnnotations);
  const summary = {
    files: files.map((f) => ({ uri: pathToFileURL(f.path).toString(), about: f.about, exists: f.exists })),
    notes: plan.notes,
    remaining: plan.remaining.map((r) => ({ uri: pathToFileURL(r.path).toString(), line: r.diagnostic.range.start.line, rule: r.diagnostic.rule, message: r.diagnostic.message })),
  };
  if (!arg?.apply) return { edit, ...summary };
  if (!inputs.features().createFiles) return { error: 'This editor cannot create files through the language server: use kallithea-ini-lint scale-out instead.' };
  const result = await inputs.connection.workspace.applyEdit({ label: 'Kallithea: Scale Out', edit });
  return { applied: result.applied, ...summary };
}

/** Every file as one edit: created (or replaced) and filled, the project file rewritten whole. */
export function scaleOutEdit(files: FileToWrite[], annotate: boolean): WorkspaceEdit {
  const changes: (CreateFile | TextDocumentEdit)[] = [];
  const used = new Set<string>();
  const note = (role: string) => {
    used.add(`kallithea.scaleOut.${role}`);
    return annotate ? { annotationId: `kallithea.scaleOut.${role}` } : {};
  };
  for (const f of files) {
    const uri = pathToFileURL(f.path).toString();
    if (f.previous !== undefined) {
      const lines = f.previous.split('\n');
      const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
      changes.push({ textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end }, newText: f.text, ...note('project') }] });
      continue;
    }
    const role = f.exists ? 'overwrite' : f.role;
    changes.push({ kind: 'create', uri, options: f.exists ? { overwrite: true } : undefined, ...note(role) });
    changes.push({ textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: f.text, ...note(role) }] });
  }
  if (!annotate) return { documentChanges: changes };
  return { documentChanges: changes, changeAnnotations: Object.fromEntries(Object.entries(ANNOTATIONS).filter(([id]) => used.has(id))) };
}
