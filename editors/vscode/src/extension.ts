import * as path from 'path';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  ResponseError,
  ServerOptions,
} from 'vscode-languageclient/node';

import { currentEnvironment, describeSource, findServer, notFoundMessage } from './binary';
import { continueParagraph, subparagraphLabel } from './continuation';
import { SECTION, isUnresSection, serverSettings, settingsSection } from './settings';

const LANGUAGE_ID = 'unres';

let client: LanguageClient | undefined;
let outputChannel: vscode.OutputChannel | undefined;
/** `<extension>/server`, where a platform-specific package carries the binary. */
let bundledServerDir: string | undefined;

function configuration(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SECTION);
}

function workspaceFolderPaths(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.fsPath);
}

async function startServer(): Promise<void> {
  const configured = configuration().get<string>('server.path') ?? '';
  const found = findServer(configured, currentEnvironment(workspaceFolderPaths()), bundledServerDir);
  outputChannel ??= vscode.window.createOutputChannel('unres');
  if (found === undefined) {
    const message = notFoundMessage(configured);
    outputChannel.appendLine(message);
    const openSettings = 'Open Settings';
    // Not awaited: activation must not wait for the user to answer.
    void vscode.window.showErrorMessage(message, openSettings).then((choice) => {
      if (choice === openSettings) {
        void vscode.commands.executeCommand('workbench.action.openSettings', 'unres.server.path');
      }
    });
    return;
  }
  const command = found.path;
  const setting = configured.trim();
  if (setting !== '' && setting !== 'unres' && found.source !== 'setting') {
    outputChannel.appendLine(
      found.source === 'bundled'
        ? `unres.server.path (${setting}) is not used: this package bundles its own server.`
        : `unres.server.path (${setting}) was not found.`,
    );
  }
  outputChannel.appendLine(`Starting ${describeSource(found)}: ${command} lsp`);

  const serverOptions: ServerOptions = {
    run: { command, args: ['lsp'] },
    debug: { command, args: ['lsp'] },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
    ],
    initializationOptions: serverSettings(configuration()),
    outputChannel,
    middleware: {
      workspace: {
        // Answer for the unres section with the same object the server gets at start,
        // so the server sees one shape whichever channel it uses.
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (answers instanceof ResponseError) {
            return answers;
          }
          const settings = serverSettings(configuration());
          return params.items.map((item, index) =>
            isUnresSection(item.section) ? settingsSection(settings, item.section) : answers[index],
          );
        },
      },
    },
  };
  client = new LanguageClient(LANGUAGE_ID, 'unres', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (error) {
    outputChannel.appendLine(`The server did not start: ${String(error)}`);
    void vscode.window.showErrorMessage(
      `The unres language server (${command}) did not start. Run "unres: Show Language Server Log" for details.`,
    );
  }
}

async function stopServer(): Promise<void> {
  const running = client;
  client = undefined;
  if (running === undefined) {
    return;
  }
  try {
    // Stops the server if it runs; a client that never started has nothing to stop.
    await running.dispose();
  } catch (error) {
    outputChannel?.appendLine(`Stopping the server: ${String(error)}`);
  }
}

async function restartServer(): Promise<void> {
  await stopServer();
  await startServer();
}

async function onConfigurationChanged(event: vscode.ConfigurationChangeEvent): Promise<void> {
  if (!event.affectsConfiguration(SECTION)) {
    return;
  }
  if (event.affectsConfiguration(`${SECTION}.server.path`)) {
    await restartServer();
    return;
  }
  if (client?.isRunning()) {
    await client.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { [SECTION]: serverSettings(configuration()) },
    });
  }
}

async function useForThisFile(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined) {
    await vscode.window.showInformationMessage('Open a file first, then run "unres: Treat This File as a UN Resolution".');
    return;
  }
  await vscode.languages.setTextDocumentLanguage(editor.document, LANGUAGE_ID);
}

/** Enter in an unres file: continue the numbering when the line has a label. */
async function continueParagraphCommand(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const plainEnter = () => vscode.commands.executeCommand('type', { source: 'keyboard', text: '\n' });
  if (editor === undefined || editor.selections.length !== 1 || !editor.selection.isEmpty) {
    await plainEnter();
    return;
  }
  const position = editor.selection.active;
  const document = editor.document;
  const line = document.lineAt(position.line);
  let labelAbove: string | undefined;
  for (let above = position.line - 1; above >= 0 && labelAbove === undefined; above--) {
    labelAbove = subparagraphLabel(document.lineAt(above).text);
  }
  const action = continueParagraph(line.text, position.character, labelAbove);
  switch (action.kind) {
    case 'default':
      await plainEnter();
      return;
    case 'endList':
      await editor.edit((edit) => edit.replace(line.range, action.indentation));
      return;
    case 'continue': {
      const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
      const trailing = new vscode.Range(position, line.range.end);
      await editor.edit((edit) => edit.replace(trailing, eol + action.text));
      const next = new vscode.Position(position.line + 1, action.text.length);
      editor.selection = new vscode.Selection(next, next);
      editor.revealRange(new vscode.Range(next, next));
      return;
    }
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  bundledServerDir = context.extensionPath === undefined ? undefined : path.join(context.extensionPath, 'server');
  context.subscriptions.push(
    vscode.commands.registerCommand('unres.useForThisFile', useForThisFile),
    vscode.commands.registerCommand('unres.restartServer', restartServer),
    vscode.commands.registerCommand('unres.showServerLog', () => {
      outputChannel ??= vscode.window.createOutputChannel('unres');
      outputChannel.show(true);
    }),
    vscode.commands.registerCommand('unres.continueParagraph', continueParagraphCommand),
    vscode.workspace.onDidChangeConfiguration(onConfigurationChanged),
  );
  await startServer();
}

export async function deactivate(): Promise<void> {
  await stopServer();
}
