// Realistic big inputs built from a real config: the config itself, then instance
// blocks with unique section names (long [app:...] sections with multi-line values,
// a logger and a handler each), all listed in the logging name lists, which grow
// into long multi-line values. The result is a config Kallithea would accept.

const BLOCK = (i) => [
  '',
  `## instance block ${i}`,
  `[app:instance${i}]`,
  'use = egg:kallithea',
  `cache_dir = %(here)s/data${i}`,
  `index_dir = %(here)s/data${i}/index`,
  'sqlalchemy.url = postgresql://kallithea:secret@db.internal/kallithea',
  'app_instance_uuid = 0123456789abcdef0123456789abcdef',
  'session.secret = fedcba9876543210fedcba9876543210',
  'cut_off_limit = 256000',
  'commit_parse_limit = 25',
  'beaker.cache.regions = long_term,long_term_file',
  'beaker.cache.long_term.type = memory',
  'beaker.cache.long_term.expire = 36000',
  `issue_pat_${i} = #(\\d+)`,
  `issue_server_link_${i} = https://issues.example.com/{repo}/issue/\\1`,
  `issue_sub_${i} =`,
  'index.extensions =',
  '    gemfile',
  '    lock',
  '',
  '    podspec',
  `[logger_gen${i}]`,
  'level = WARN',
  `handlers = gen${i}`,
  `qualname = generated.module${i}`,
  `[handler_gen${i}]`,
  'class = StreamHandler',
  'args = (sys.stderr,)',
  'formatter = generic',
];

export function generate(base, targetLines) {
  const lines = base.split('\n');
  const loggersAt = lines.findIndex((l, i) => /^keys\s*=/.test(l) && lines[i - 1]?.trim() === '[loggers]');
  const handlersAt = lines.findIndex((l, i) => /^keys\s*=/.test(l) && lines[i - 1]?.trim() === '[handlers]');
  const blockSize = BLOCK(0).length + (loggersAt >= 0 ? 2 : 0); // plus one list line each for the logger and the handler
  const count = Math.max(0, Math.floor((targetLines - lines.length - 2) / blockSize));
  const names = Array.from({ length: count }, (_, i) => i + 1);
  const out = [];
  lines.forEach((l, i) => {
    out.push(l);
    // The name lists become long multi-line values, one name per continuation line.
    if (i === loggersAt || i === handlersAt) for (const n of names) out.push(`    gen${n},`.replace(/,$/, n === count ? '' : ','));
    if ((i === loggersAt || i === handlersAt) && count && !l.trimEnd().endsWith(',')) out[out.length - count - 1] = l + ',';
  });
  if (loggersAt < 0) for (const n of names) out.push(...BLOCK(n).slice(0, 22));
  else for (const n of names) out.push(...BLOCK(n));
  while (out.length < targetLines) out.push('# padding');
  return out.slice(0, targetLines).join('\n') + '\n';
}
