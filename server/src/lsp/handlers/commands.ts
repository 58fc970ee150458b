// workspace/executeCommand: the effective configuration view, the web-server lines
// for the static files, applying an edit for clients that take code actions as
// commands only, the instances of a site compared, the sites for the Site view,
// and the scale-out (scale-out.ts).

import type { Connection, ExecuteCommandParams, WorkspaceEdit } from 'vscode-languageserver/node';
import { staticServerConfig } from '../../core/catalog/static-files';
import { effectiveConfigView } from '../../core/features/effective-view';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { comparisonText } from '../../core/features/compare-view';
import { databaseOf, type DeploymentSettings, type Peer } from '../../core/model/deployment';
import type { ConfigModel } from '../../core/model/model';
import { compareInstances, describeInstance, shownValue } from '../../core/model/site';
import { DEFAULT_PUBLIC_PATH, SERVER_COMMANDS } from '../../shared/names';
import { scaleOutCommand, type ScaleOutInputs } from './scale-out';

export interface CommandInputs extends ScaleOutInputs {
  connection: Connection;
  /** The model of an open Kallithea document. */
  modelFor(uri: string): ConfigModel | undefined;
  /** An open config and the other instances of its site, this one first. */
  instancesOf(uri: string): Peer[] | undefined;
  /** Every config of the workspace grouped into sites, with the deployment settings of each file. */
  sites(): Promise<{ sites: Peer[][]; settingsOf(path: string): DeploymentSettings }>;
}

const SCALE_OUT: string[] = [SERVER_COMMANDS.scaleOutDefaults, SERVER_COMMANDS.scaleOutCheck, SERVER_COMMANDS.scaleOut];

export async function executeCommand(p: ExecuteCommandParams, inputs: CommandInputs): Promise<unknown> {
  if (p.command === SERVER_COMMANDS.applyEdit) {
    const [edit] = (p.arguments ?? []) as [WorkspaceEdit | undefined];
    return edit ? (await inputs.connection.workspace.applyEdit(edit)).applied : false;
  }
  if (SCALE_OUT.includes(p.command)) return scaleOutCommand(p.command, (p.arguments ?? [])[0], inputs);
  const [arg] = (p.arguments ?? []) as [Record<string, string> | string | undefined];
  if (p.command === SERVER_COMMANDS.effectiveConfig) {
    const uri = typeof arg === 'string' ? arg : arg?.uri;
    const model = uri ? inputs.modelFor(uri) : undefined;
    return model ? effectiveConfigView(model) : null;
  }
  if (p.command === SERVER_COMMANDS.staticConfig) {
    const opts = (typeof arg === 'object' ? arg : {}) as { uri?: string; server?: string; publicPath?: string };
    const model = opts.uri ? inputs.modelFor(opts.uri) : undefined;
    const publicPath = opts.publicPath || inputs.deployment(opts.uri).staticFilesPath || DEFAULT_PUBLIC_PATH;
    return staticServerConfig(opts.server === 'apache' ? 'apache' : 'nginx', publicPath, model?.prefixFilter()?.prefix);
  }
  if (p.command === SERVER_COMMANDS.compareInstances) {
    const uri = typeof arg === 'string' ? arg : arg?.uri;
    const instances = uri ? inputs.instancesOf(uri) : undefined;
    if (!instances) return null;
    const base = commonFolder(instances.map((i) => i.path));
    return comparisonText(compareInstances(instances.map((i) => ({ path: path.relative(base, i.path) || path.basename(i.path), model: i.model }))));
  }
  if (p.command === SERVER_COMMANDS.sites) {
    const { sites, settingsOf } = await inputs.sites();
    return sites.map((site) => ({
      name: siteName(site),
      instances: site.map((peer) => ({ ...describeInstance(peer, settingsOf(peer.path)), uri: pathToFileURL(peer.path).toString() })),
    }));
  }
  return null;
}

/** A site is named by its database (masked), else by its first file. */
function siteName(site: Peer[]): string {
  const url = databaseOf(site[0].model)?.url;
  return url ? `${shownValue('sqlalchemy.url', url)} (${site.length} instance${site.length === 1 ? '' : 's'})` : path.basename(path.dirname(site[0].path)) + '/' + path.basename(site[0].path);
}

function commonFolder(paths: string[]): string {
  let base = path.dirname(paths[0]);
  while (!paths.every((p) => p.startsWith(base + path.sep)) && path.dirname(base) !== base) base = path.dirname(base);
  return base;
}
