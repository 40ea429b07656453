// Loads the packaged bundle (dist/extension.js) under Node with a stand-in for the
// `vscode` module and activates it with no server installed: the commands are
// registered and the user gets the message that says how to install the server.
'use strict';

const assert = require('node:assert/strict');
const Module = require('node:module');
const path = require('node:path');
const { test } = require('node:test');

const root = path.join(__dirname, '..', '..');
const manifest = require(path.join(root, 'package.json'));

function fakeVscode(settings) {
  const calls = { errors: [], commands: [], executed: [], outputLines: [] };
  const disposable = { dispose() {} };
  const api = {
    workspace: {
      workspaceFolders: undefined,
      getConfiguration: () => ({ get: (key) => settings[key] }),
      onDidChangeConfiguration: () => disposable,
    },
    window: {
      activeTextEditor: undefined,
      createOutputChannel: () => ({
        appendLine: (line) => calls.outputLines.push(line),
        show() {},
        dispose() {},
      }),
      showErrorMessage: (message, ...items) => {
        calls.errors.push({ message, items });
        return Promise.resolve(undefined);
      },
      showInformationMessage: () => Promise.resolve(undefined),
    },
    commands: {
      registerCommand: (id) => {
        calls.commands.push(id);
        return disposable;
      },
      executeCommand: (...args) => {
        calls.executed.push(args);
        return Promise.resolve(undefined);
      },
    },
    languages: { setTextDocumentLanguage: () => Promise.resolve(undefined) },
  };
  // The language client extends and reads many vscode classes when it loads; any name
  // the stand-in lacks is an empty class.
  const vscode = new Proxy(api, { get: (target, name) => (name in target ? target[name] : class {}) });
  return { vscode, calls };
}

function loadBundleWith(vscode) {
  const load = Module._load;
  Module._load = function (request, ...rest) {
    return request === 'vscode' ? vscode : load.call(this, request, ...rest);
  };
  try {
    const bundle = path.join(root, manifest.main);
    delete require.cache[bundle];
    return require(bundle);
  } finally {
    Module._load = load;
  }
}

test('activation without the server registers the commands and explains how to install it', async () => {
  // No unres on PATH or in ~/.cargo/bin, whatever this machine has installed.
  const saved = { PATH: process.env.PATH, HOME: process.env.HOME };
  process.env.PATH = '';
  process.env.HOME = require('node:fs').mkdtempSync(path.join(require('node:os').tmpdir(), 'unres-home-'));
  const { vscode, calls } = fakeVscode({ 'server.path': '/nonexistent/bin/unres' });
  const extension = loadBundleWith(vscode);
  const context = { subscriptions: [], extensionPath: path.join(root, 'no-such-extension-dir') };
  await extension.activate(context);

  const contributed = manifest.contributes.commands.map((c) => c.command).sort();
  assert.deepEqual([...calls.commands].sort(), contributed);
  assert.equal(calls.errors.length, 1);
  const [{ message, items }] = calls.errors;
  assert.match(message, /was not found \(this package has no bundled server; looked for at "\/nonexistent\/bin\/unres"/);
  assert.match(message, /cargo install --path \./);
  assert.match(message, /"unres\.server\.path"/);
  assert.deepEqual(items, ['Open Settings']);
  assert.ok(calls.outputLines.some((line) => line.includes('was not found')));
  await extension.deactivate();
  Object.assign(process.env, saved);
});
