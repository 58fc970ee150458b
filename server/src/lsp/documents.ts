// Everything the server keeps per open document, in one place: the file as read
// for the current version (parsed once, shared by every request), the
// diagnostics of that version, how long its last lint took, and whether the file
// on disk starts with a byte order mark, which editors hide from the text they
// send. Closing the document forgets all of it at once.

import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { openFile, type LintRecord, type OpenedFile } from '../core/analysis/analysis';
import type { Diagnostic } from '../core/analysis/diagnostics';
import type { LintEnvironment } from '../core/model/deployment';
import { COLLECT_AFTER_READING, collectGarbage } from './collect';

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

/** The diagnostics of one version of a document, and the environment they were computed in. */
export interface ValidationResult {
  version: number;
  diagnostics: Diagnostic[];
  env: LintEnvironment;
}

interface DocumentState {
  bom: boolean;
  opened?: { version: number; maxFileSize: number; file: OpenedFile };
  result?: ValidationResult;
  /** What the last lint leaves for the next one (incremental analysis). */
  record?: LintRecord;
}

export class DocumentStates {
  private readonly states = new Map<string, DocumentState>();

  private state(uri: string): DocumentState {
    let s = this.states.get(uri);
    if (!s) this.states.set(uri, (s = { bom: bomOnDisk(uri) }));
    return s;
  }

  /** Re-read the BOM flag (on open and save, when the file on disk changes); the next read parses again. */
  refreshBom(uri: string): void {
    const s = this.state(uri);
    s.bom = bomOnDisk(uri);
    s.opened = undefined;
  }

  /** The document as read for its current version: parsed once, unless the size limit stops it. */
  opened(doc: TextDocument, maxFileSize: number): OpenedFile {
    const s = this.state(doc.uri);
    if (s.opened?.version === doc.version && s.opened.maxFileSize === maxFileSize) return s.opened.file;
    let text = doc.getText();
    if (s.bom && text.charCodeAt(0) !== 0xfeff) text = '\ufeff' + text;
    // The previous version's parse, if any: only the sections the edits touched are read again.
    const previous = s.opened?.file.model?.parsed;
    const file = openFile({ text, filePath: uriToPath(doc.uri) }, { maxFileSize, previous });
    s.opened = { version: doc.version, maxFileSize, file };
    if (!previous && text.length >= COLLECT_AFTER_READING) collectGarbage();
    return file;
  }

  result(uri: string): ValidationResult | undefined {
    return this.states.get(uri)?.result;
  }

  setResult(uri: string, result: ValidationResult | undefined, record?: LintRecord): void {
    const s = this.state(uri);
    s.result = result;
    s.record = record;
  }

  /** What the last lint of the document left for the next one. */
  record(uri: string): LintRecord | undefined {
    return this.states.get(uri)?.record;
  }

  forget(uri: string): void {
    this.states.delete(uri);
  }
}
