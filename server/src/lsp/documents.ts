// The server's view of each open document: its text, its parsed model (built once
// per version and shared by every request), and whether the file on disk starts
// with a byte order mark, which editors hide from the text they send.

import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigModel } from '../core/model/model';
import { parse } from '../core/syntax/parser';

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** True when the file behind the URI starts with EF BB BF. Reads three bytes of that file only. */
export function bomOnDisk(uri: string): boolean {
  const path = uriToPath(uri);
  if (!path) return false;
  let fd: number | undefined;
  try {
    fd = fs.openSync(path, 'r');
    const buf = Buffer.alloc(3);
    return fs.readSync(fd, buf, 0, 3, 0) === 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

interface CacheEntry {
  version: number;
  model: ConfigModel;
}

export class ModelCache {
  private readonly models = new Map<string, CacheEntry>();
  private readonly boms = new Map<string, boolean>();

  /** Re-read the BOM flag (on open and save, when the file on disk changes). */
  refreshBom(uri: string): void {
    this.boms.set(uri, bomOnDisk(uri));
    this.models.delete(uri);
  }

  get(doc: TextDocument): ConfigModel {
    const cached = this.models.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.model;
    let text = doc.getText();
    if (this.boms.get(doc.uri) && text.charCodeAt(0) !== 0xfeff) text = '\ufeff' + text;
    const model = new ConfigModel(parse(text), { filePath: uriToPath(doc.uri) });
    this.models.set(doc.uri, { version: doc.version, model });
    return model;
  }

  forget(uri: string): void {
    this.models.delete(uri);
    this.boms.delete(uri);
  }
}
