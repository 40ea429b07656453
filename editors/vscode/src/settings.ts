// The settings the extension hands to the unres server. No `vscode` import here, so the
// manifest tests can load this module under plain Node and compare it with package.json.

/** The configuration section: every setting is `unres.<key>`. */
export const SECTION = 'unres';

/** Keys the extension reads itself and never forwards to the server. */
export const CLIENT_ONLY_KEYS: readonly string[] = ['server.path', 'trace.server'];

/**
 * Keys forwarded to the server, relative to the section. Dots nest:
 * `footnotes.repeatIndicators` arrives as `{ footnotes: { repeatIndicators } }`.
 */
export const SERVER_KEYS: readonly string[] = [
  'rules',
  'footnotes.repeatIndicators',
  'organ',
  'kind',
  'catalogs',
  'phrases.preambular',
  'phrases.operative',
  'inlayHints.operativeLabels',
  'inlayHints.citationTitles',
];

/** The part of `vscode.WorkspaceConfiguration` this module needs. */
export interface ConfigurationReader {
  get<T>(key: string): T | undefined;
}

export type Settings = { [key: string]: unknown };

/**
 * The object sent to the server as `initializationOptions`, as `settings.unres` in
 * `workspace/didChangeConfiguration`, and as the answer to `workspace/configuration`
 * for the section `unres`. Unset values are left out so the server applies its defaults.
 */
export function serverSettings(config: ConfigurationReader): Settings {
  const settings: Settings = {};
  for (const key of SERVER_KEYS) {
    const value = config.get<unknown>(key);
    if (value === undefined || value === null) {
      continue;
    }
    const parts = key.split('.');
    let node = settings;
    for (const part of parts.slice(0, -1)) {
      if (typeof node[part] !== 'object' || node[part] === null) {
        node[part] = {};
      }
      node = node[part] as Settings;
    }
    node[parts[parts.length - 1]] = value;
  }
  return settings;
}

/**
 * Answers one `workspace/configuration` item: `unres` gives the whole object,
 * `unres.footnotes` gives `{ repeatIndicators }`, an unknown key gives `null`.
 */
export function settingsSection(settings: Settings, section: string): unknown {
  if (section === SECTION) {
    return settings;
  }
  let node: unknown = settings;
  for (const part of section.slice(SECTION.length + 1).split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) {
      return null;
    }
    node = (node as Settings)[part];
  }
  return node;
}

/** Does a `workspace/configuration` section name belong to unres? */
export function isUnresSection(section: string | undefined): section is string {
  return section === SECTION || (section !== undefined && section.startsWith(SECTION + '.'));
}
