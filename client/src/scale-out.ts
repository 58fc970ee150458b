// Kallithea: Scale Out...: the questions (quick picks and input boxes, each starting
// from what the server read in the file and checked by it as you type), then the
// server's WorkspaceEdit, applied through VS Code's refactor preview: every change
// is annotated to be confirmed, so nothing is written before the admin says so.

import * as vscode from 'vscode';

type AppServer = 'gunicorn' | 'uwsgi' | 'waitress' | 'mod_wsgi';

/** The answers, as the server's scale-out options name them. */
export interface ScaleOutAnswers {
  server: AppServer;
  workers: number;
  hosts: string[];
  databaseUrl: string;
  sharedDir: string;
  brokerUrl?: string;
  publicUrl?: string;
  front: 'nginx' | 'apache';
}

/** What the preview holds, for the extension's API (and its tests). */
export interface ScaleOutProposal {
  files: { uri: string; about: string; exists: boolean }[];
  notes: string[];
  remaining: { uri: string; line: number; rule: string; message: string }[];
}

type Problem = { option: string; message: string };
type Run = <T>(command: string, arg: unknown) => Promise<T>;

const SERVERS: (vscode.QuickPickItem & { value: AppServer })[] = [
  { value: 'gunicorn', label: 'gunicorn', detail: 'Worker processes set in [server:main], started by gearbox serve' },
  { value: 'uwsgi', label: 'uWSGI', detail: 'Worker processes set in [uwsgi], each loading the app itself' },
  { value: 'waitress', label: 'waitress', detail: 'One single-threaded process per port: several ports per host' },
  { value: 'mod_wsgi', label: 'mod_wsgi', detail: 'Processes set in Apache (WSGIDaemonProcess); the configs say none' },
];

export class ScaleOut {
  private readonly proposed = new vscode.EventEmitter<ScaleOutProposal>();
  /** Fires when the edit is ready and about to be previewed. */
  readonly onDidPropose = this.proposed.event;

  constructor(
    private readonly run: Run,
    private readonly toEdit: (edit: unknown) => Promise<vscode.WorkspaceEdit | undefined>,
    private readonly commands: { scaleOutDefaults: string; scaleOutCheck: string; scaleOut: string },
  ) {}

  /** Ask (or take the given answers), preview, apply once confirmed. Undefined when cancelled or refused. */
  async start(doc: vscode.TextDocument, given: Partial<ScaleOutAnswers> = {}): Promise<{ applied: boolean; proposal: ScaleOutProposal } | undefined> {
    const uri = doc.uri.toString();
    const defaults = await this.run<{ options: ScaleOutAnswers; celery: boolean; error?: string }>(this.commands.scaleOutDefaults, { uri });
    if (defaults.error) return void vscode.window.showErrorMessage(`Kallithea: ${defaults.error}`);
    const answers = await this.ask(uri, defaults.options, defaults.celery, given);
    if (!answers) return undefined;
    const reply = await this.run<ScaleOutProposal & { edit?: unknown; problems?: Problem[]; error?: string }>(this.commands.scaleOut, { uri, options: answers });
    if (reply.error || reply.problems?.length) return void vscode.window.showErrorMessage(`Kallithea: ${reply.error ?? reply.problems!.map((p) => p.message).join(' ')}`);
    const proposal: ScaleOutProposal = { files: reply.files, notes: reply.notes, remaining: reply.remaining };
    const edit = await this.toEdit(reply.edit);
    if (!edit) return undefined;
    this.proposed.fire(proposal);
    // The preview may apply some groups and leave others: what counts is what is on disk now.
    const applied = await vscode.workspace.applyEdit(edit, { isRefactoring: true });
    const written = applied ? await this.written(proposal) : [];
    if (written.length) await this.report(proposal, written);
    return { applied: written.length > 0, proposal };
  }

  private async ask(uri: string, defaults: ScaleOutAnswers, celery: boolean, given: Partial<ScaleOutAnswers>): Promise<ScaleOutAnswers | undefined> {
    const a: Partial<ScaleOutAnswers> = { ...given };
    const step = (n: number) => `Scale out (${n}/${celery ? 8 : 7})`;
    if (a.server === undefined) {
      const items = [...SERVERS].sort((x, y) => Number(y.value === defaults.server) - Number(x.value === defaults.server));
      const picked = await vscode.window.showQuickPick(items, { title: step(1), placeHolder: 'Which server runs Kallithea on each host?', ignoreFocusOut: true });
      if (!picked) return undefined;
      a.server = picked.value;
    }
    const text = async (n: number, option: keyof ScaleOutAnswers, prompt: string, value: string, parse: (s: string) => unknown) => {
      if (a[option] !== undefined) return true;
      const validateInput = async (s: string) => {
        const { problems } = await this.run<{ problems: Problem[] }>(this.commands.scaleOutCheck, { uri, options: { ...defaults, ...a, [option]: parse(s) } });
        return problems.find((p) => p.option === option)?.message;
      };
      const typed = await vscode.window.showInputBox({ title: step(n), prompt, value, validateInput, ignoreFocusOut: true });
      if (typed === undefined) return false;
      (a as Record<string, unknown>)[option] = parse(typed);
      return true;
    };
    const workers = a.server === 'waitress' ? 'How many single-threaded waitress processes on each host (one port each)?' : 'How many worker processes on each host (one thread each)?';
    const steps: [keyof ScaleOutAnswers, string, string, (s: string) => unknown][] = [
      ['workers', workers, String(defaults.workers), (s) => (/^\s*\d+\s*$/.test(s) ? Number(s) : NaN)],
      ['hosts', 'Host names the web server in front reaches, comma-separated (one folder each under deploy/)', defaults.hosts.join(','), (s) => s.split(/[\s,]+/).filter(Boolean)],
      ['databaseUrl', 'The PostgreSQL or MySQL/MariaDB database every host uses', defaults.databaseUrl, (s) => s.trim()],
      ['sharedDir', 'The data directory on storage every host mounts at the same place', defaults.sharedDir, (s) => s.trim()],
      ...(celery ? [['brokerUrl', 'use_celery is on: the Celery broker every host reaches', defaults.brokerUrl ?? '', (s: string) => s.trim()] as [keyof ScaleOutAnswers, string, string, (s: string) => unknown]] : []),
      ['publicUrl', 'The address users open (https://host/path), or empty', defaults.publicUrl ?? '', (s) => s.trim()],
    ];
    let n = 2;
    for (const [option, prompt, value, parse] of steps) if (!(await text(n++, option, prompt, value, parse))) return undefined;
    if (a.front === undefined) {
      const front = await vscode.window.showQuickPick(['nginx', 'apache'], { title: step(n), placeHolder: 'Which web server balances the hosts and serves the static files?', ignoreFocusOut: true });
      if (!front) return undefined;
      a.front = front === 'apache' ? 'apache' : 'nginx';
    }
    return { ...defaults, ...a } as ScaleOutAnswers;
  }

  /** The proposed files that exist now with the proposed text's first line (a file whose group was not ticked is not). */
  private async written(proposal: ScaleOutProposal): Promise<string[]> {
    const found: string[] = [];
    for (const f of proposal.files) {
      try {
        await vscode.workspace.fs.stat(vscode.Uri.parse(f.uri));
        found.push(f.uri);
      } catch {
        // not created: its group was left out of the preview
      }
    }
    return found;
  }

  /** After the edit: what was written and decided, what is left, and the first host's config opened. */
  private async report(proposal: ScaleOutProposal, written: string[]): Promise<void> {
    const first = written.find((uri) => uri.endsWith('.ini'));
    if (first) await vscode.window.showTextDocument(vscode.Uri.parse(first), { preview: false });
    const some = written.length < proposal.files.length ? ` (${proposal.files.length - written.length} left out in the preview)` : '';
    const left = proposal.remaining.length ? ` ${proposal.remaining.length} problems are left for you: see the Problems panel.` : '';
    void vscode.window.showInformationMessage(`Kallithea: scaled out: ${written.length} files written${some}. ${proposal.notes.join(' ')}${left}`);
  }
}
