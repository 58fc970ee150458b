// The Kallithea Site view in the Explorer: the sites of the workspace as the server
// groups them, each with its instance files, and under each file where it listens,
// its server, workers, database (masked), data directory and broker. Clicking a line
// opens the file there. The server computes everything; this only draws it.

import * as vscode from 'vscode';
import { CLIENT_COMMANDS } from '../../server/src/shared/names';

export interface SiteData {
  name: string;
  instances: { path: string; uri: string; details: { label: string; value: string; line?: number }[] }[];
}

type Node =
  | { kind: 'site'; site: SiteData }
  | { kind: 'instance'; instance: SiteData['instances'][number] }
  | { kind: 'detail'; uri: string; detail: SiteData['instances'][number]['details'][number] };

export class SiteView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private sites: Promise<SiteData[]> | undefined;

  constructor(private readonly fetch: () => Promise<SiteData[]>) {}

  refresh(): void {
    this.sites = undefined;
    this.changed.fire();
  }

  /** The sites as last fetched (the tests read the view through this). */
  current(): Promise<SiteData[]> {
    return (this.sites ??= this.fetch().catch(() => []));
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) return (await this.current()).map((site) => ({ kind: 'site', site }));
    if (node.kind === 'site') return node.site.instances.map((instance) => ({ kind: 'instance', instance }));
    if (node.kind === 'instance') return node.instance.details.map((detail) => ({ kind: 'detail', uri: node.instance.uri, detail }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'site') {
      const item = new vscode.TreeItem(node.site.name, vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = new vscode.ThemeIcon('server-environment');
      return item;
    }
    if (node.kind === 'instance') {
      const uri = vscode.Uri.parse(node.instance.uri);
      // The path tells the instances apart (they are all kallithea.ini); the resource gives the file's icon.
      const item = new vscode.TreeItem(vscode.workspace.asRelativePath(uri, false), vscode.TreeItemCollapsibleState.Collapsed);
      item.resourceUri = uri;
      // No command: a click opens the details; each detail opens the file at its line.
      item.contextValue = 'kallithea.instance';
      return item;
    }
    const item = new vscode.TreeItem(node.detail.label, vscode.TreeItemCollapsibleState.None);
    item.description = node.detail.value;
    item.tooltip = `${node.detail.label}: ${node.detail.value}${node.detail.line !== undefined ? ` (line ${node.detail.line + 1})` : ''}`;
    if (node.detail.line !== undefined) item.command = { command: CLIENT_COMMANDS.openInstance, title: 'Open', arguments: [node.uri, node.detail.line] };
    return item;
  }
}

/** Open an instance file with the cursor on a line. */
export async function openInstance(uri: string, line: number): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const at = new vscode.Position(line, 0);
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(at, at), preview: true });
}
