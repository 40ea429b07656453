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
  const pathVariable = environment.env.PATH ?? environment.env.Path ?? '';
  const separator = environment.platform === 'win32' ? ';' : ':';
  const dirs = pathVariable.split(separator).filter((d) => d !== '');
  // `cargo install` puts binaries here; editors started from a desktop menu often
  // do not have it on PATH.
  dirs.push(path.join(environment.homeDir, '.cargo', 'bin'));
  return dirs;
}

/**
 * The absolute path of the server binary, or `undefined` when it cannot be found.
 * A name without a directory part is searched on PATH and in ~/.cargo/bin; a relative
 * path is taken from the first workspace folder.
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

/** The message shown when the binary is missing. */
export function notFoundMessage(configured: string): string {
  const shown = configured === '' ? 'unres' : configured;
  const where = shown.includes('/') || shown.includes('\\') ? `at "${shown}"` : `"${shown}" on PATH or in ~/.cargo/bin`;
  return (
    `The unres language server was not found (looked for ${where}). ` +
    'Install it with "cargo install --path ." in the unres source folder, ' +
    'or set "unres.server.path" to the full path of the binary.'
  );
}
