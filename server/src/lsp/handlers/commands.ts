// workspace/executeCommand: the effective configuration view, the web-server lines
// for the static files, and applying an edit for clients that take code actions
// as commands only.

import type { Connection, ExecuteCommandParams, WorkspaceEdit } from 'vscode-languageserver/node';
import { staticServerConfig } from '../../core/catalog/static-files';
import { effectiveConfigView } from '../../core/features/effective-view';
import type { ConfigModel } from '../../core/model/model';
import { DEFAULT_PUBLIC_PATH, SERVER_COMMANDS } from '../../shared/names';

export interface CommandInputs {
  connection: Connection;
  /** The model of an open Kallithea document. */
  modelFor(uri: string): ConfigModel | undefined;
  /** The `deployment.staticFilesPath` setting for a document (or the workspace). */
  staticFilesPath(uri: string | undefined): string | undefined;
}

export async function executeCommand(p: ExecuteCommandParams, inputs: CommandInputs): Promise<unknown> {
  if (p.command === SERVER_COMMANDS.applyEdit) {
    const [edit] = (p.arguments ?? []) as [WorkspaceEdit | undefined];
    return edit ? (await inputs.connection.workspace.applyEdit(edit)).applied : false;
  }
  const [arg] = (p.arguments ?? []) as [Record<string, string> | string | undefined];
  if (p.command === SERVER_COMMANDS.effectiveConfig) {
    const uri = typeof arg === 'string' ? arg : arg?.uri;
    const model = uri ? inputs.modelFor(uri) : undefined;
    return model ? effectiveConfigView(model) : null;
  }
  if (p.command === SERVER_COMMANDS.staticConfig) {
    const opts = (typeof arg === 'object' ? arg : {}) as { uri?: string; server?: string; publicPath?: string };
    const model = opts.uri ? inputs.modelFor(opts.uri) : undefined;
    const publicPath = opts.publicPath || inputs.staticFilesPath(opts.uri) || DEFAULT_PUBLIC_PATH;
    return staticServerConfig(opts.server === 'apache' ? 'apache' : 'nginx', publicPath, model?.prefixFilter()?.prefix);
  }
  return null;
}
