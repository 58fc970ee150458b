// The shape of the key catalog: one entry per key Kallithea 0.7, its web servers,
// uWSGI, PasteDeploy's prefix filter, alembic and the logging module read. Hover,
// completion, unknown-key checks and typed-value checks all come from this data.

/**
 * Which parser turns the text into a boolean; they disagree on what they accept:
 * - tg: TurboGears/Kallithea asbool: true yes on y t 1 / false no off n f 0 (trimmed, any case); anything else, empty included, raises.
 * - paste: PasteDeploy asbool, same spellings, raises on anything else.
 * - beaker: Beaker's asbool, same spellings, raises at startup.
 * - waitress: true only for t true y yes on 1; every other text is silently false.
 * - gunicorn: only true/false (any case); anything else raises.
 * - uwsgi: false only for exactly false/off/no/0; any other text (even "false ; x") is true.
 * - celery: Kallithea passes true/false as booleans, digits as ints, anything else as a string.
 * - truthy: any non-empty text is true, even "false".
 */
export type BoolParser = 'tg' | 'paste' | 'beaker' | 'waitress' | 'gunicorn' | 'uwsgi' | 'celery' | 'truthy';

export type ValueType =
  | { kind: 'bool'; parser: BoolParser }
  /** int: bare int() (raises); safe_int: falls back to a default on bad text; atoi: C parsers that stop at the first non-digit. */
  | { kind: 'int'; parser?: 'int' | 'safe_int' | 'atoi'; min?: number; max?: number; unit?: 'seconds' | 'bytes' | 'requests' | 'count' }
  | { kind: 'path' }
  | { kind: 'url' }
  /**
   * One of a list. `open`: the reader takes other values too (plugins), so others are not reported.
   * `otherwise`: what the reader does with another value (stops, or silently ignores it).
   * `checkedBy`: a rule of its own reports other values (with better advice than the generic one).
   */
  | { kind: 'enum'; values: readonly string[]; caseInsensitive?: boolean; open?: boolean; otherwise?: 'fails' | 'ignored'; checkedBy?: string }
  | { kind: 'list'; separator: 'comma' | 'whitespace' }
  | { kind: 'secret' }
  | { kind: 'string' }
  | { kind: 'regex' }
  /** A Python expression the logging module evaluates (handler args/kwargs). */
  | { kind: 'python' }
  /** A PasteDeploy `use` value such as egg:kallithea. */
  | { kind: 'entry-point'; values: readonly string[] }
  /** The name of another section, e.g. filter-with names a [filter:NAME]. */
  | { kind: 'section-ref'; prefix: string }
  | { kind: 'host-port' };

export type { SectionKind } from './sections';
import type { SectionKind } from './sections';

export type Impact = 'performance' | 'scaling' | 'security' | 'startup';

export interface KeyInfo {
  /** The exact key, or for pattern keys a readable form such as `beaker.cache.<region>.type`. */
  name: string;
  /** For keys allowed by pattern: must match the whole key. */
  pattern?: RegExp;
  sections: readonly SectionKind[];
  type: ValueType;
  /** The value in effect when the line is absent, in words or as the literal value. */
  default?: string;
  /** What it does, in 1-3 sentences. */
  description: string;
  /** Why it matters for performance, scaling, security or startup. */
  impact?: string;
  impactTags?: readonly Impact[];
  /** The recommended production value (literal), when there is one. */
  recommended?: string;
  /** Why that value, when it is not obvious from the impact. */
  recommendedWhy?: string;
  /** A documentation URL. */
  docs?: string;
  /** Upkeep that no edit of the file can do (a cron job and the like): shown in the hover, never as a problem. */
  upkeep?: string;
  /** Read by nothing (a leftover): why, and what to use instead. */
  noEffect?: string;
  /**
   * From an older release: what happened, and the new key when there is one.
   * `stillWorks`: 0.7 still reads it under the old name (beaker.session.*), so it
   * is advice, not a broken line. `combinedInto`: several old keys make up one new
   * value (broker.host, .port... make celery.broker_url), so it is not a rename.
   */
  deprecated?: { message: string; replacement?: string; stillWorks?: boolean; combinedInto?: string };
  /** Kallithea copies its database settings over the ini value of this name. */
  fromDatabase?: boolean;
  /** The value is a secret: masked in hovers, messages and logs. */
  secret?: boolean;
  /** Values to offer in completion, when not implied by the type. */
  suggestions?: readonly string[];
}
