// Finding the unres binary: PATH, ~/.cargo/bin, explicit paths, and the message when it is missing.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { test } = require('node:test');

const binary = require(path.join(__dirname, '..', '..', 'out', 'binary.js'));

function sandbox() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unres-binary-'));
  const home = path.join(dir, 'home');
  const bin = path.join(dir, 'bin');
  const workspace = path.join(dir, 'workspace');
  for (const d of [home, bin, workspace, path.join(home, '.cargo', 'bin')]) {
    fs.mkdirSync(d, { recursive: true });
  }
  const environment = (pathVariable) => ({
    env: { PATH: pathVariable },
    platform: 'linux',
    homeDir: home,
    workspaceFolders: [workspace],
  });
  const executable = (file) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '#!/bin/sh\necho unres 0.0.0\n');
    fs.chmodSync(file, 0o755);
    return file;
  };
  return { dir, home, bin, workspace, environment, executable };
}

test('a bare name is found on PATH', { skip: process.platform === 'win32' }, () => {
  const s = sandbox();
  const file = s.executable(path.join(s.bin, 'unres'));
  assert.equal(binary.resolveServerPath('unres', s.environment(s.bin)), file);
});

test('a bare name falls back to ~/.cargo/bin, where cargo install puts it', { skip: process.platform === 'win32' }, () => {
  const s = sandbox();
  const file = s.executable(path.join(s.home, '.cargo', 'bin', 'unres'));
  assert.equal(binary.resolveServerPath('unres', s.environment(s.bin)), file);
  assert.equal(binary.resolveServerPath('', s.environment(s.bin)), file);
});

test('a file that is not executable is not taken', { skip: process.platform === 'win32' }, () => {
  const s = sandbox();
  fs.writeFileSync(path.join(s.bin, 'unres'), 'not a program');
  assert.equal(binary.resolveServerPath('unres', s.environment(s.bin)), undefined);
});

test('explicit paths: absolute, ~, ${workspaceFolder} and relative to the workspace', { skip: process.platform === 'win32' }, () => {
  const s = sandbox();
  const inHome = s.executable(path.join(s.home, 'tools', 'unres'));
  const inWorkspace = s.executable(path.join(s.workspace, 'target', 'release', 'unres'));
  assert.equal(binary.resolveServerPath(inHome, s.environment('')), inHome);
  assert.equal(binary.resolveServerPath('~/tools/unres', s.environment('')), inHome);
  assert.equal(binary.resolveServerPath('${userHome}/tools/unres', s.environment('')), inHome);
  assert.equal(binary.resolveServerPath('${workspaceFolder}/target/release/unres', s.environment('')), inWorkspace);
  assert.equal(binary.resolveServerPath('target/release/unres', s.environment('')), inWorkspace);
  assert.equal(binary.resolveServerPath('/nowhere/unres', s.environment(s.bin)), undefined);
});

test('a missing binary gives undefined and a message that says how to install it', () => {
  const s = sandbox();
  assert.equal(binary.resolveServerPath('unres', s.environment(s.bin)), undefined);
  assert.equal(binary.findServer('', s.environment(s.bin), path.join(s.dir, 'extension', 'server')), undefined);
  const message = binary.notFoundMessage('');
  assert.match(message, /no bundled server/);
  assert.match(message, /"unres" on PATH or in ~\/\.cargo\/bin/);
  assert.match(message, /platform-specific unres package/);
  assert.match(message, /cargo install --path \./);
  assert.match(message, /unres\.server\.path/);
  assert.match(binary.notFoundMessage('/opt/unres/bin/unres'), /at "\/opt\/unres\/bin\/unres" \(unres\.server\.path\)/);
});

test('the server is taken from the bundle, then the setting, then PATH, then ~/.cargo/bin', { skip: process.platform === 'win32' }, () => {
  const s = sandbox();
  const serverDir = path.join(s.dir, 'extension', 'server');
  const inCargo = s.executable(path.join(s.home, '.cargo', 'bin', 'unres'));
  assert.deepEqual(binary.findServer('', s.environment(s.bin), serverDir), { path: inCargo, source: '~/.cargo/bin' });
  const onPath = s.executable(path.join(s.bin, 'unres'));
  assert.deepEqual(binary.findServer('', s.environment(s.bin), serverDir), { path: onPath, source: 'PATH' });
  assert.deepEqual(binary.findServer('unres', s.environment(s.bin), serverDir), { path: onPath, source: 'PATH' });
  const configured = s.executable(path.join(s.home, 'tools', 'unres'));
  assert.deepEqual(binary.findServer('~/tools/unres', s.environment(s.bin), serverDir), { path: configured, source: 'setting' });
  // A setting that names nothing falls through to PATH.
  assert.deepEqual(binary.findServer('~/missing/unres', s.environment(s.bin), serverDir), { path: onPath, source: 'PATH' });
  const bundled = s.executable(path.join(serverDir, 'unres'));
  assert.deepEqual(binary.findServer('~/tools/unres', s.environment(s.bin), serverDir), { path: bundled, source: 'bundled' });
  assert.equal(binary.describeSource({ path: bundled, source: 'bundled' }), 'the server bundled with the extension');
  assert.equal(binary.binaryName('win32'), 'unres.exe');
});

test('Windows: PATH (or Path) is split on ;', () => {
  const environment = { env: { Path: 'C:\\bin;D:\\tools' }, platform: 'win32', homeDir: 'C:\\Users\\a', workspaceFolders: [] };
  assert.deepEqual(binary.searchDirectories(environment), ['C:\\bin', 'D:\\tools', path.join('C:\\Users\\a', '.cargo', 'bin')]);
});
