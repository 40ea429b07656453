// Finding the unres binary. Plain Node (no `vscode` import) so it can be unit-tested.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface Environment {
  /** Environment variables; PATH (and PATHEXT on Windows) are read. */
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  homeDir: string;
  /** Folders of the open workspace; the first one is `${workspaceFolder}`. */
  workspaceFolders: string[];
}

export function currentEnvironment(workspaceFolders: string[]): Environment {
  return { env: process.env, platform: process.platform, homeDir: os.homedir(), workspaceFolders };
}

/** Expands `~`, `${userHome}` and `${workspaceFolder}` in a configured path. */
export function expandPath(configured: string, environment: Environment): string {
  let result = configured.trim();
  if (result === '~' || result.startsWith('~/') || result.startsWith('~\\')) {
    result = environment.homeDir + result.slice(1);
  }
  result = result.split('${userHome}').join(environment.homeDir);
  if (environment.workspaceFolders.length > 0) {
    result = result.split('${workspaceFolder}').join(environment.workspaceFolders[0]);
  }
  return result;
}

function isExecutableFile(file: string, platform: NodeJS.Platform): boolean {
  try {
    if (!fs.statSync(file).isFile()) {
      return false;
    }
    if (platform !== 'win32') {
      fs.accessSync(file, fs.constants.X_OK);
    }
    return true;
  } catch {
    return false;
  }
}

function candidateNames(name: string, environment: Environment): string[] {
  if (environment.platform !== 'win32' || path.extname(name) !== '') {
    return [name];
  }
  const extensions = (environment.env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter((e) => e !== '');
  return [name, ...extensions.map((ext) => name + ext.toLowerCase())];
}

/** The directories searched for a bare command name, in order. */
export function searchDirectories(environment: Environment): string[] {
  const dirs = pathDirectories(environment);
  // `cargo install` puts binaries here; editors started from a desktop menu often
  // do not have it on PATH.
  dirs.push(path.join(environment.homeDir, '.cargo', 'bin'));
  return dirs;
}

/** Where the server binary that is started was found. */
export type ServerSource = 'bundled' | 'setting' | 'PATH' | '~/.cargo/bin';

export interface FoundServer {
  path: string;
  source: ServerSource;
}

/** The file name of the server binary on this platform. */
export function binaryName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'unres.exe' : 'unres';
}

/**
 * The server to start, looked for in this order:
 *
 * 1. the binary bundled in a platform-specific package (`<extension>/server/unres`);
 * 2. `unres.server.path`, when it is set: a path with a directory part (absolute, `~`,
 *    `${workspaceFolder}`, or relative to the first workspace folder), or a command name;
 * 3. `unres` on PATH;
 * 4. `~/.cargo/bin/unres`, where `cargo install` puts it (editors started from a desktop
 *    menu often lack it on PATH).
 */
export function findServer(configured: string, environment: Environment, bundledDir?: string): FoundServer | undefined {
  const pathModule = environment.platform === 'win32' ? path.win32 : path.posix;
  if (bundledDir !== undefined) {
    const bundled = pathModule.join(bundledDir, binaryName(environment.platform));
    if (isExecutableFile(bundled, environment.platform)) {
      return { path: bundled, source: 'bundled' };
    }
  }
  const setting = configured.trim();
  if (setting !== '' && setting !== 'unres') {
    const found = resolveServerPath(setting, environment);
    if (found !== undefined) {
      return { path: found, source: 'setting' };
    }
  }
  const cargoBin = pathModule.join(environment.homeDir, '.cargo', 'bin');
  const onPath = resolveServerPath('unres', environment);
  if (onPath === undefined) {
    return undefined;
  }
  return { path: onPath, source: path.dirname(onPath) === cargoBin && !pathDirectories(environment).includes(cargoBin) ? '~/.cargo/bin' : 'PATH' };
}

/** How the output channel names where the server came from. */
export function describeSource(found: FoundServer): string {
  switch (found.source) {
    case 'bundled':
      return 'the server bundled with the extension';
    case 'setting':
      return 'the server named by unres.server.path';
    case 'PATH':
      return 'the server found on PATH';
    case '~/.cargo/bin':
      return 'the server installed by cargo in ~/.cargo/bin';
  }
}

function pathDirectories(environment: Environment): string[] {
  const pathVariable = environment.env.PATH ?? environment.env.Path ?? '';
  const separator = environment.platform === 'win32' ? ';' : ':';
  return pathVariable.split(separator).filter((d) => d !== '');
}

/**
 * The absolute path of a binary given as configured, or `undefined` when it cannot be
 * found. A name without a directory part is searched on PATH and in ~/.cargo/bin; a
 * relative path is taken from the first workspace folder.
 */
export function resolveServerPath(configured: string, environment: Environment): string | undefined {
  const expanded = expandPath(configured === '' ? 'unres' : configured, environment);
  const pathModule = environment.platform === 'win32' ? path.win32 : path.posix;
  const hasDirectory = expanded.includes('/') || (environment.platform === 'win32' && expanded.includes('\\'));
  if (hasDirectory) {
    const base = environment.workspaceFolders[0] ?? process.cwd();
    const absolute = pathModule.isAbsolute(expanded) ? expanded : pathModule.join(base, expanded);
    return candidateNames(absolute, environment).find((file) => isExecutableFile(file, environment.platform));
  }
  for (const dir of searchDirectories(environment)) {
    for (const name of candidateNames(expanded, environment)) {
      const file = pathModule.join(dir, name);
      if (isExecutableFile(file, environment.platform)) {
        return file;
      }
    }
  }
  return undefined;
}

/** The message shown when no server is found. */
export function notFoundMessage(configured: string): string {
  const shown = configured.trim();
  const where =
    shown !== '' && shown !== 'unres'
      ? `at "${shown}" (unres.server.path), on PATH or in ~/.cargo/bin`
      : '"unres" on PATH or in ~/.cargo/bin';
  return (
    `The unres language server was not found (this package has no bundled server; looked for ${where}). ` +
    'Install the platform-specific unres package for your system, or install the server with ' +
    '"cargo install --path ." in the unres source folder, or set "unres.server.path" to the full path of the binary.'
  );
}
