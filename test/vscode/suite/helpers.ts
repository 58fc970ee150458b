// Waiting on editor events, never on fixed sleeps: each helper checks the current
// state first, then listens to the event that signals a change, with a timeout only
// as a safety net.

import * as vscode from 'vscode';

/** How long to wait for an editor event; the broken-client check shortens it, since every wait then fails. */
export const WAIT_MS = Number(process.env.KALLITHEA_VSCODE_WAIT_MS ?? 60_000);

export function within<T>(ms: number, what: string, start: (done: (v: T) => void) => vscode.Disposable | undefined): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let sub: vscode.Disposable | undefined;
    const timer = setTimeout(() => {
      sub?.dispose();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
    sub = start((v) => {
      clearTimeout(timer);
      sub?.dispose();
      resolve(v);
    });
  });
}

export const ruleOf = (d: vscode.Diagnostic): string | undefined =>
  typeof d.code === 'object' && d.code ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);

/** Resolves with the diagnostics of `uri` once `test` accepts them. */
export function diagnosticsWhere(uri: vscode.Uri, test: (ds: vscode.Diagnostic[]) => boolean, what: string, ms = WAIT_MS): Promise<vscode.Diagnostic[]> {
  return within(ms, what, (done) => {
    const check = () => {
      const ds = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'kallithea-ini');
      if (test(ds)) done(ds);
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    queueMicrotask(check);
    return sub;
  });
}

/** Open a file and wait until the extension has given it the kallithea-ini language (or not, after `settled`). */
export async function openAs(uri: vscode.Uri, language: string, ms = WAIT_MS): Promise<vscode.TextDocument> {
  const current = () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === language);
  const waiting = within<vscode.TextDocument>(ms, `${uri.path} as ${language}`, (done) => {
    const sub = vscode.workspace.onDidOpenTextDocument((d) => {
      if (d.uri.toString() === uri.toString() && d.languageId === language) done(d);
    });
    queueMicrotask(() => {
      const d = current();
      if (d) done(d);
    });
    return sub;
  });
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return waiting;
}

export function fullRange(doc: vscode.TextDocument): vscode.Range {
  return new vscode.Range(0, 0, doc.lineCount, 0);
}
