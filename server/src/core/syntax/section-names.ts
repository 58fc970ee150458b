// How PasteDeploy names sections: `prefix:name`, with `app:` or `application:` for
// an application. Kept apart from the section table so that code that only needs
// the names (detecting a Kallithea config in the VS Code client) does not load it.

export const APP_PREFIXES = ['app', 'application'];

export function sectionPrefix(name: string): string | undefined {
  const colon = name.indexOf(':');
  return colon > 0 ? name.slice(0, colon) : undefined;
}
