// Helpers for the end-to-end suite, which runs inside a real VS Code extension host.
//
// Mocha's TDD functions (suite, test, suiteSetup, ...) are globals that mocha defines while it
// loads each test file; they are looked up at call time, so this file needs no mocha typings.
import * as path from 'node:path';
import * as vscode from 'vscode';

type TestFn = () => void | Promise<unknown>;
interface MochaTddGlobals {
  suite(title: string, fn: () => void): unknown;
  test(title: string, fn: TestFn): unknown;
  suiteSetup(fn: TestFn): unknown;
  suiteTeardown(fn: TestFn): unknown;
  setup(fn: TestFn): unknown;
  teardown(fn: TestFn): unknown;
}

function mochaGlobals(): MochaTddGlobals {
  const globals = globalThis as unknown as Partial<MochaTddGlobals>;
  if (typeof globals.suite !== 'function') throw new Error('mocha globals are missing: load this file through mocha (ui "tdd")');
  return globals as MochaTddGlobals;
}

export const suite = (title: string, fn: () => void): unknown => mochaGlobals().suite(title, fn);
export const test = (title: string, fn: TestFn): unknown => mochaGlobals().test(title, fn);
export const suiteSetup = (fn: TestFn): unknown => mochaGlobals().suiteSetup(fn);
export const suiteTeardown = (fn: TestFn): unknown => mochaGlobals().suiteTeardown(fn);
export const setup = (fn: TestFn): unknown => mochaGlobals().setup(fn);
export const teardown = (fn: TestFn): unknown => mochaGlobals().teardown(fn);

export const EXTENSION_ID = 'markdown-glossary.markdown-glossary';

/** The opened workspace folder: a throw-away copy of content/. */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder === undefined) throw new Error('no workspace folder is open: start VS Code on a copy of content/');
  return folder.uri;
}

export function workspaceFile(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relative.split('/'));
}

export function relativeToWorkspace(uri: vscode.Uri): string {
  return path.posix.relative(workspaceRoot().path, uri.path);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls `probe` until it returns a value that `accept` takes, and returns that value.
 * The language server answers only once it has indexed the workspace, and diagnostics arrive
 * asynchronously, so every assertion on them polls. On timeout the last value is described.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | PromiseLike<T>,
  accept: (value: T) => boolean,
  { timeout = 30_000, interval = 200 }: { timeout?: number; interval?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await probe();
      lastError = undefined;
      if (accept(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError !== undefined ? `last error: ${String(lastError)}` : `last value: ${inspect(last)}`;
      throw new Error(`timed out after ${timeout} ms waiting for ${what}; ${detail}`);
    }
    await sleep(interval);
  }
}

export function inspect(value: unknown): string {
  try {
    const text = JSON.stringify(value, (_key, v: unknown) => (v instanceof vscode.Uri ? v.toString() : v));
    return text === undefined ? String(value) : text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
  } catch {
    return String(value);
  }
}

export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

/** The position of the `occurrence`-th match of `needle` (0-based) plus `offsetInNeedle`. */
export function positionOf(document: vscode.TextDocument, needle: string, { occurrence = 0, offsetInNeedle = 0, after = 0 } = {}): vscode.Position {
  const text = document.getText();
  let index = text.indexOf(needle, after);
  for (let i = 0; i < occurrence && index >= 0; i++) index = text.indexOf(needle, index + 1);
  if (index < 0) throw new Error(`"${needle}" not found in ${relativeToWorkspace(document.uri)}`);
  return document.positionAt(index + offsetInNeedle);
}

/** The text of hover contents as a user would read it (markdown source). */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n---\n');
}

export function completionLabel(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

export function diagnosticCode(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Replaces the whole text of an open document in memory (as typing would; nothing is saved). */
export async function replaceText(document: vscode.TextDocument, from: string, to: string): Promise<void> {
  const text = document.getText();
  const index = text.indexOf(from);
  if (index < 0) throw new Error(`"${from}" not found in ${relativeToWorkspace(document.uri)}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(index), document.positionAt(index + from.length)), to);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not edit ${relativeToWorkspace(document.uri)}`);
}

/** Reverts an edited document to its saved state, so later tests see the files as shipped. */
export async function revert(document: vscode.TextDocument): Promise<void> {
  if (!document.isDirty) return;
  await vscode.window.showTextDocument(document, { preview: false });
  await vscode.commands.executeCommand('workbench.action.files.revert');
}
