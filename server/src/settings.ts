// The `kallithea.*` settings the server reads, with their defaults. They come from
// the client (workspace/configuration) and are re-read when they change.

import type { RuleSetting } from './core/lint';

export interface ServerSettings {
  /** Names or globs of files that are Kallithea configs whatever they contain. */
  files: string[];
  /** Per-rule severity or 'off'. */
  rules: Record<string, RuleSetting>;
}

export const DEFAULT_SETTINGS: ServerSettings = { files: [], rules: {} };

const VALID = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** Accept what a user may type in settings.json; drop what makes no sense instead of failing. */
export function normalizeSettings(raw: unknown): ServerSettings {
  const obj = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const files = Array.isArray(obj.files) ? obj.files.filter((f): f is string => typeof f === 'string') : [];
  const rules: Record<string, RuleSetting> = {};
  if (obj.rules && typeof obj.rules === 'object') {
    for (const [id, value] of Object.entries(obj.rules as Record<string, unknown>)) {
      const v = typeof value === 'string' ? value.toLowerCase() : '';
      const normalized = v === 'info' ? 'information' : v;
      if (VALID.has(normalized)) rules[id] = normalized as RuleSetting;
    }
  }
  return { files, rules };
}
