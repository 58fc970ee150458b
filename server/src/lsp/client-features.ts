// What the client said it can take, read once at initialize. Editors differ a lot
// (Neovim 0.7, eglot and ALE declare far less than VS Code), and the server sends
// each one only what it declared: plain completions without snippet syntax, plain
// hovers without Markdown, commands instead of code-action literals, and so on.

import { MarkupKind, type ClientCapabilities } from 'vscode-languageserver/node';

export interface ClientFeatures {
  /** Completion items may use snippet syntax ($1, ${1:default}). */
  snippets: boolean;
  /** Hover contents may be Markdown. */
  markdownHover: boolean;
  /** Completion documentation may be Markdown. */
  markdownDocs: boolean;
  /** Completion items may carry labelDetails. */
  labelDetails: boolean;
  /** Code actions may be CodeAction literals (else Commands). */
  codeActionLiterals: boolean;
  /** Diagnostics: related information, tags, codeDescription, the document version. */
  relatedInformation: boolean;
  diagnosticTags: boolean;
  codeDescription: boolean;
  diagnosticVersion: boolean;
  /** Diagnostics may carry `data` back and forth (the server does not need it back: fixes come from its own diagnostics). */
  diagnosticData: boolean;
  /** Workspace edits may carry change annotations (a preview before a large fix). */
  changeAnnotations: boolean;
  /** Workspace edits may create files (documentChanges with the "create" resource operation). */
  createFiles: boolean;
  /** The server may ask the client to fetch inlay hints again (after a settings change). */
  inlayHintRefresh: boolean;
  /** The client pulls diagnostics (textDocument/diagnostic, workspace/diagnostic), and may be asked to pull again. */
  diagnosticPull: boolean;
  diagnosticRefresh: boolean;
}

/** VS Code's answer to everything, for the tests and for a client that sends no capabilities object at all. */
export const ALL_FEATURES: ClientFeatures = {
  snippets: true,
  markdownHover: true,
  markdownDocs: true,
  labelDetails: true,
  codeActionLiterals: true,
  relatedInformation: true,
  diagnosticTags: true,
  codeDescription: true,
  diagnosticVersion: true,
  diagnosticData: true,
  changeAnnotations: true,
  createFiles: true,
  inlayHintRefresh: true,
  diagnosticPull: false,
  diagnosticRefresh: false,
};

const takesMarkdown = (formats: string[] | undefined) => !formats || formats.length === 0 ? false : formats[0] === MarkupKind.Markdown || formats.includes(MarkupKind.Markdown);

export function readClientFeatures(caps: ClientCapabilities): ClientFeatures {
  const text = caps.textDocument;
  const item = text?.completion?.completionItem;
  const diagnostics = text?.publishDiagnostics;
  const workspaceEdit = caps.workspace?.workspaceEdit;
  return {
    snippets: !!item?.snippetSupport,
    markdownHover: takesMarkdown(text?.hover?.contentFormat),
    markdownDocs: takesMarkdown(item?.documentationFormat),
    labelDetails: !!item?.labelDetailsSupport,
    codeActionLiterals: !!text?.codeAction?.codeActionLiteralSupport,
    relatedInformation: !!diagnostics?.relatedInformation,
    diagnosticTags: (diagnostics?.tagSupport?.valueSet?.length ?? 0) > 0,
    codeDescription: !!diagnostics?.codeDescriptionSupport,
    diagnosticVersion: !!diagnostics?.versionSupport,
    diagnosticData: !!diagnostics?.dataSupport,
    changeAnnotations: !!workspaceEdit?.documentChanges && !!workspaceEdit.changeAnnotationSupport,
    createFiles: !!workspaceEdit?.documentChanges && !!workspaceEdit.resourceOperations?.includes('create'),
    inlayHintRefresh: !!caps.workspace?.inlayHint?.refreshSupport,
    diagnosticPull: !!text?.diagnostic,
    diagnosticRefresh: !!caps.workspace?.diagnostics?.refreshSupport,
  };
}
