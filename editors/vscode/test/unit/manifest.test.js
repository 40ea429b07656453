// The manifest, the grammar, the language configuration and the extension's code agree.
// Run after `npm run compile` (npm test does): the settings module is loaded from out/.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');

const root = path.join(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const settings = require(path.join(root, 'out', 'settings.js'));
const extensionSource = fs.readFileSync(path.join(root, 'src', 'extension.ts'), 'utf8');
const declared = manifest.contributes.configuration.properties;

function readJson(relative) {
  return JSON.parse(fs.readFileSync(path.join(root, relative), 'utf8'));
}

function flattenKeys(object, prefix = '') {
  return Object.entries(object).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) && key !== 'rules'
      ? flattenKeys(value, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

/** A configuration reader that answers with the defaults declared in package.json. */
function defaultsReader() {
  return { get: (key) => structuredClone(declared[`${settings.SECTION}.${key}`]?.default) };
}

test('the language unres is contributed for *.unres with an existing configuration file', () => {
  const [language] = manifest.contributes.languages;
  assert.equal(language.id, 'unres');
  assert.deepEqual(language.extensions, ['.unres']);
  assert.ok(fs.existsSync(path.join(root, language.configuration)), language.configuration);
  readJson(language.configuration);
});

test('the grammar is registered for unres under the scope its file declares', () => {
  const [grammar] = manifest.contributes.grammars;
  assert.equal(grammar.language, 'unres');
  assert.ok(fs.existsSync(path.join(root, grammar.path)), grammar.path);
  assert.equal(readJson(grammar.path).scopeName, grammar.scopeName);
  assert.equal(grammar.scopeName, 'source.unres');
});

test('every include in the grammar names a repository entry', () => {
  const grammar = readJson(manifest.contributes.grammars[0].path);
  const includes = [...JSON.stringify(grammar).matchAll(/"include":"#([^"]+)"/g)].map((m) => m[1]);
  assert.ok(includes.length > 0);
  for (const name of includes) {
    assert.ok(name in grammar.repository, `#${name} is not in the repository`);
  }
});

test('every grammar regex compiles in Oniguruma, as VS Code runs it', async () => {
  const oniguruma = require('vscode-oniguruma');
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const grammar = readJson(manifest.contributes.grammars[0].path);
  const regexes = [];
  (function collect(node) {
    if (Array.isArray(node)) {
      node.forEach(collect);
    } else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (['match', 'begin', 'end', 'while'].includes(key)) {
          regexes.push(value);
        } else {
          collect(value);
        }
      }
    }
  })(grammar);
  assert.ok(regexes.length > 10);
  for (const source of regexes) {
    assert.doesNotThrow(() => new oniguruma.OnigScanner([source]).dispose(), source);
  }
});

test('the entry point is the bundle, which carries the language client inside it', () => {
  assert.equal(manifest.main, './dist/extension.js');
  assert.ok(fs.existsSync(path.join(root, manifest.main)), 'run npm run bundle first');
  const bundle = fs.readFileSync(path.join(root, manifest.main), 'utf8');
  assert.doesNotMatch(bundle, /require\("vscode-languageclient/, 'the language client must be bundled');
  assert.match(bundle, /require\("vscode"\)/);
  // Everything is bundled, so nothing may be left for vsce to copy from node_modules.
  assert.equal(manifest.dependencies, undefined);
  assert.match(manifest.scripts['vscode:prepublish'], /npm run bundle/);
  const ignored = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8');
  assert.doesNotMatch(ignored, /^dist\b/m, '.vscodeignore must not drop the bundle');
  assert.doesNotMatch(ignored, /^syntaxes\b/m);
});

test('every declared setting is either client-only or forwarded to the server, and nothing else is', () => {
  const declaredKeys = Object.keys(declared).map((key) => {
    assert.ok(key.startsWith(`${settings.SECTION}.`), key);
    return key.slice(settings.SECTION.length + 1);
  });
  assert.deepEqual(
    [...declaredKeys].sort(),
    [...settings.CLIENT_ONLY_KEYS, ...settings.SERVER_KEYS].sort(),
  );
  for (const key of settings.CLIENT_ONLY_KEYS) {
    assert.ok(!settings.SERVER_KEYS.includes(key), `${key} is both client-only and forwarded`);
  }
});

test('the server receives the nested object under unres, built from the declared defaults', () => {
  const sent = settings.serverSettings(defaultsReader());
  assert.deepEqual(sent, {
    rules: {},
    footnotes: { repeatIndicators: 'legacy' },
    organ: 'auto',
    kind: 'auto',
    catalogs: [],
    phrases: { preambular: [], operative: [] },
    inlayHints: { operativeLabels: true, citationTitles: false },
  });
  assert.deepEqual(flattenKeys(sent).sort(), [...settings.SERVER_KEYS].sort());
});

test('user values are forwarded unchanged and unset values are left to the server', () => {
  const values = {
    rules: { VRB017: 'off', NUM001: 'error' },
    'footnotes.repeatIndicators': 'current',
    organ: 'SC',
    catalogs: ['/data/extra.tsv'],
  };
  const sent = settings.serverSettings({ get: (key) => values[key] });
  assert.deepEqual(sent, {
    rules: { VRB017: 'off', NUM001: 'error' },
    footnotes: { repeatIndicators: 'current' },
    organ: 'SC',
    catalogs: ['/data/extra.tsv'],
  });
});

test('workspace/configuration sections resolve inside the forwarded object', () => {
  const sent = settings.serverSettings(defaultsReader());
  assert.equal(settings.settingsSection(sent, 'unres'), sent);
  assert.deepEqual(settings.settingsSection(sent, 'unres.footnotes'), { repeatIndicators: 'legacy' });
  assert.equal(settings.settingsSection(sent, 'unres.footnotes.repeatIndicators'), 'legacy');
  assert.equal(settings.settingsSection(sent, 'unres.server.path'), null);
  assert.equal(settings.isUnresSection('unres.rules'), true);
  assert.equal(settings.isUnresSection('unresolved'), false);
  assert.equal(settings.isUnresSection(undefined), false);
});

test('the declared enums are the values the server understands', () => {
  assert.deepEqual(declared['unres.rules'].additionalProperties.enum, ['error', 'warning', 'information', 'hint', 'off']);
  assert.deepEqual(declared['unres.footnotes.repeatIndicators'].enum, ['legacy', 'current']);
  assert.deepEqual(declared['unres.organ'].enum, ['auto', 'GA', 'SC', 'ECOSOC', 'HRC']);
  assert.deepEqual(declared['unres.trace.server'].enum, ['off', 'messages', 'verbose']);
  assert.equal(declared['unres.server.path'].default, '');
});

test('the extension sends serverSettings on every channel and reads the client-only keys itself', () => {
  assert.match(extensionSource, /initializationOptions: serverSettings\(configuration\(\)\)/);
  assert.match(extensionSource, /DidChangeConfigurationNotification\.type, \{\s*settings: \{ \[SECTION\]: serverSettings\(configuration\(\)\) \}/);
  assert.match(extensionSource, /settingsSection\(settings, item\.section\)/);
  assert.match(extensionSource, /get<string>\('server\.path'\)/);
  // vscode-languageclient reads `<client id>.trace.server`: the id must be the section.
  assert.match(extensionSource, /new LanguageClient\(LANGUAGE_ID,/);
  assert.match(extensionSource, /const LANGUAGE_ID = 'unres';/);
});

test('contributed commands and registered commands are the same set; keybindings use them', () => {
  const contributed = manifest.contributes.commands.map((c) => c.command).sort();
  const registered = [...extensionSource.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).sort();
  assert.deepEqual(registered, contributed);
  for (const binding of manifest.contributes.keybindings) {
    assert.ok(contributed.includes(binding.command), binding.command);
  }
  for (const entries of Object.values(manifest.contributes.menus)) {
    for (const entry of entries) {
      assert.ok(contributed.includes(entry.command), entry.command);
    }
  }
});

test('the language configuration patterns compile and continue lists after a colon', () => {
  const config = readJson(manifest.contributes.languages[0].configuration);
  const word = new RegExp(config.wordPattern, 'g');
  assert.deepEqual('Recalling resolution 64/222 and A/RES/68/230,'.match(word), [
    'Recalling',
    'resolution',
    '64/222',
    'and',
    'A/RES/68/230',
  ]);
  const [operative, subparagraph] = config.onEnterRules;
  assert.match('\t6.\tDecides that all States shall prevent:', new RegExp(operative.beforeText));
  assert.equal(operative.action.appendText, '(a)\t');
  assert.match('\t(b)\tthe following measures:', new RegExp(subparagraph.beforeText));
  assert.doesNotMatch('\t6.\tDecides to remain seized of the matter.', new RegExp(operative.beforeText));
});

test('the engine and the @types/vscode version agree, as vsce requires', () => {
  const engine = manifest.engines.vscode.replace(/^\^/, '');
  assert.equal(manifest.devDependencies['@types/vscode'], engine);
});

test('editors/README.md documents every setting', () => {
  const readme = fs.readFileSync(path.join(root, '..', 'README.md'), 'utf8');
  for (const key of Object.keys(declared)) {
    assert.ok(readme.includes(key), `${key} is not documented in editors/README.md`);
  }
});
