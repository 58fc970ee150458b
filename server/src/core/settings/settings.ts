// The `kallithea.*` settings the server reads, with their defaults. They come from
// the client (workspace/configuration) and are re-read when they change.

import { DEFAULT_MAX_FILE_SIZE } from '../../shared/names';
import type { DeploymentSettings } from '../model/deployment';
import { parseRuleSetting, type RuleSetting } from '../analysis/diagnostics';

export interface ServerSettings {
  /** Names or globs of files that are Kallithea configs whatever they contain. */
  files: string[];
  /** Per-rule severity or 'off'. */
  rules: Record<string, RuleSetting>;
  deployment: DeploymentSettings;
  /** Above this size (bytes) a file gets a notice instead of a full analysis. */
  maxFileSize: number;
  /** Inlay hints (expanded references, ignored keys, workers and connections) are shown. */
  inlayHints: boolean;
}

export { DEFAULT_MAX_FILE_SIZE };



const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((f): f is string => typeof f === 'string') : []);

/** Accept what a user may type in settings.json; drop what makes no sense instead of failing. */
export function normalizeSettings(raw: unknown): ServerSettings {
  const obj = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: Record<string, RuleSetting> = {};
  if (obj.rules && typeof obj.rules === 'object') {
    for (const [id, value] of Object.entries(obj.rules as Record<string, unknown>)) {
      const setting = typeof value === 'string' ? parseRuleSetting(value) : undefined;
      if (setting) rules[id] = setting;
    }
  }
  const dep = (obj.deployment && typeof obj.deployment === 'object' ? obj.deployment : {}) as Record<string, unknown>;
  const deployment: DeploymentSettings = {};
  if (typeof dep.workerProcesses === 'number' && dep.workerProcesses > 0) deployment.workerProcesses = Math.floor(dep.workerProcesses);
  if (typeof dep.behindProxy === 'boolean') deployment.behindProxy = dep.behindProxy;
  if (typeof dep.databaseMaxConnections === 'number' && dep.databaseMaxConnections > 0) deployment.databaseMaxConnections = Math.floor(dep.databaseMaxConnections);
  if (Array.isArray(dep.instances)) deployment.instances = dep.instances.map(strings).filter((g) => g.length > 0);
  if (typeof obj.sharedDataDir === 'string' && obj.sharedDataDir.trim()) deployment.sharedDataDir = obj.sharedDataDir.trim();
  if (typeof obj.staticFilesPath === 'string' && obj.staticFilesPath.trim()) deployment.staticFilesPath = obj.staticFilesPath.trim();
  const maxFileSize = typeof obj.maxFileSize === 'number' && obj.maxFileSize > 0 ? obj.maxFileSize : DEFAULT_MAX_FILE_SIZE;
  const hints = obj.inlayHints && typeof obj.inlayHints === 'object' ? (obj.inlayHints as Record<string, unknown>).enabled : undefined;
  return { files: strings(obj.files), rules, deployment, maxFileSize, inlayHints: hints !== false };
}
