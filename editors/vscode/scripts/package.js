#!/usr/bin/env node
// Builds the extension package (.vsix).
//
//   npm run package                       # this machine's target, with target/release/unres inside
//   npm run package -- --target linux-arm64 --binary ../../target/aarch64-unknown-linux-gnu/release/unres
//   npm run package:universal             # no server inside: unres.server.path, PATH, ~/.cargo/bin
//
// A platform-specific package carries the server in server/unres (server/unres.exe on
// Windows), which the extension starts before looking anywhere else. Build the binary
// first: `cargo build --release` in the repository root (for another target,
// `cargo build --release --target <rust triple>`; editors/README.md lists the pairs).
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const repository = path.join(root, '..', '..');
const manifest = require(path.join(root, 'package.json'));

// The VS Code targets this script knows, keyed by Node's platform-arch.
const HOST_TARGETS = {
  'linux-x64': 'linux-x64',
  'linux-arm64': 'linux-arm64',
  'linux-arm': 'linux-armhf',
  'darwin-x64': 'darwin-x64',
  'darwin-arm64': 'darwin-arm64',
  'win32-x64': 'win32-x64',
  'win32-arm64': 'win32-arm64',
};
const KNOWN_TARGETS = new Set([...Object.values(HOST_TARGETS), 'alpine-x64', 'alpine-arm64']);

function option(name) {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}

/** The package's path (`--out`, relative to editors/vscode), its folder created. */
function outFile(defaultName) {
  const out = path.resolve(root, option('--out') ?? defaultName);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  return out;
}

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

const vsce = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'vsce.cmd' : 'vsce');
if (!fs.existsSync(vsce)) {
  fail('node_modules/.bin/vsce is missing: run `npm ci` in editors/vscode first');
}
const serverDir = path.join(root, 'server');
fs.rmSync(serverDir, { recursive: true, force: true });

if (process.argv.includes('--universal')) {
  const out = outFile(`unres-${manifest.version}.vsix`);
  execFileSync(vsce, ['package', '--out', out], { cwd: root, stdio: 'inherit' });
  console.log(`package: ${out} (no bundled server)`);
  process.exit(0);
}

const target = option('--target') ?? HOST_TARGETS[`${process.platform}-${process.arch}`];
if (target === undefined || !KNOWN_TARGETS.has(target)) {
  fail(`unknown target ${target ?? `for ${process.platform}-${process.arch}`}; one of ${[...KNOWN_TARGETS].join(', ')}`);
}
const exe = target.startsWith('win32') ? 'unres.exe' : 'unres';
const binary = path.resolve(option('--binary') ?? path.join(repository, 'target', 'release', exe));
if (!fs.existsSync(binary)) {
  fail(`${binary} does not exist: run \`cargo build --release\` in ${repository} first`);
}
fs.mkdirSync(serverDir, { recursive: true });
const bundled = path.join(serverDir, exe);
fs.copyFileSync(binary, bundled);
fs.chmodSync(bundled, 0o755);
const out = outFile(`unres-${manifest.version}-${target}.vsix`);
try {
  execFileSync(vsce, ['package', '--target', target, '--out', out], { cwd: root, stdio: 'inherit' });
} finally {
  fs.rmSync(serverDir, { recursive: true, force: true });
}
const size = (fs.statSync(out).size / 1024 / 1024).toFixed(1);
console.log(`package: ${path.relative(root, out)} (${target}, server ${path.relative(repository, binary)}, ${size} MiB)`);
