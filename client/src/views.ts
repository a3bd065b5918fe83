import * as vscode from 'vscode';
import { RenameRequest, type LanguageClient } from 'vscode-languageclient/node';
import {
  GROUP_TERMS_REQUEST,
  TAG_SUMMARIES_REQUEST,
  TERM_GROUPS_REQUEST,
  TERM_REFERENCES_REQUEST,
  type GroupBy,
  type GroupTerms,
  type GroupTermsParams,
  type TagSummary,
  type TermGroup,
  type TermGroupsParams,
  type TermGroupsResult,
  type TermReferences,
  type ViewTerm,
} from '../../server/src/lsp/protocol';

/**
 * The Glossary and Tags views: trees drawn from what the server answers (lsp/protocol.ts); no
 * glossary logic here. Both are refreshed when the server says the glossary or a count changed.
 */

type ReferencePlace = TermReferences['links'][number];

type Node =
  | { kind: 'group'; group: TermGroup; filtered: boolean }
  | { kind: 'term'; term: ViewTerm; parentId: string }
  | { kind: 'references'; term: ViewTerm; parentId: string; which: 'links' | 'mentions'; places: ReferencePlace[] }
  | { kind: 'place'; place: ReferencePlace; parentId: string }
  | { kind: 'tag'; tag: TagSummary }
  /** The terms of a group past those listed. */
  | { kind: 'more'; count: number; parentId: string };

export const TERMS_VIEW = 'markdownGlossary.terms';
const REFRESH_DELAY_MS = 500;
export const TAGS_VIEW = 'markdownGlossary.tags';

/** Tree items and children common to both views: terms, their references and the places. */
abstract class GlossaryTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(protected readonly client: LanguageClient) {}

  /**
   * A term's references, as last asked: finding them reads every file, so they are asked again
   * only when the glossary changed or the user refreshes, not for every change of a problem count.
   */
  private readonly references = new Map<string, Promise<TermReferences | null>>();

  /** Draws the tree again; `referencesToo` also forgets the references found. */
  refresh(referencesToo = true): void {
    if (referencesToo) this.references.clear();
    this.changed.fire(undefined);
  }

  abstract rootChildren(): Promise<Node[]>;

  async getChildren(node?: Node): Promise<Node[]> {
    if (node === undefined) return this.rootChildren();
    switch (node.kind) {
      case 'group':
        return this.termsOf(node.group, `${node.filtered ? 'filtered:' : ''}group:${node.group.kind}:${node.group.key}`);
      case 'tag':
        return this.termsOf({ kind: 'tag', key: node.tag.tag }, `tag:${node.tag.tag}`, 'tag', '');
      case 'term': {
        let asked = this.references.get(node.term.uri);
        if (asked === undefined) {
          asked = this.client.sendRequest<TermReferences | null>(TERM_REFERENCES_REQUEST, { termUri: node.term.uri });
          // A failed request (a restarting server) is asked again next time.
          asked.catch(() => this.references.delete(node.term.uri));
          this.references.set(node.term.uri, asked);
        }
        const references = await asked;
        if (references === null) return [];
        const parentId = `${node.parentId}/${node.term.uri}`;
        return [
          { kind: 'references', term: node.term, parentId, which: 'links', places: references.links },
          { kind: 'references', term: node.term, parentId, which: 'mentions', places: references.mentions },
        ];
      }
      case 'references':
        return node.places.map((place) => ({ kind: 'place', place, parentId: `${node.parentId}/${node.which}` }));
      case 'place':
      case 'more':
        return [];
    }
  }

  protected async termsOf(group: Pick<TermGroup, 'kind' | 'key'>, parentId: string, groupBy: GroupBy = this.groupBy(), filter = this.filter()): Promise<Node[]> {
    const params: GroupTermsParams = { groupBy, filter, group };
    const { terms, total } = await this.client.sendRequest<GroupTerms>(GROUP_TERMS_REQUEST, params);
    const listed: Node[] = terms.map((term) => ({ kind: 'term', term, parentId }));
    return total > terms.length ? [...listed, { kind: 'more', count: total - terms.length, parentId }] : listed;
  }

  protected groupBy(): GroupBy {
    return 'tag';
  }

  protected filter(): string {
    return '';
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'group':
        return groupItem(node.group, node.filtered);
      case 'tag':
        return tagItem(node.tag);
      case 'term':
        return termItem(node.term, node.parentId);
      case 'references': {
        const count = node.places.length;
        const label =
          node.which === 'links'
            ? count === 1 ? vscode.l10n.t('1 link here') : vscode.l10n.t('{0} links here', count)
            : count === 1 ? vscode.l10n.t('1 unlinked mention') : vscode.l10n.t('{0} unlinked mentions', count);
        const item = new vscode.TreeItem(label, count === 0 ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `${node.parentId}/${node.which}`;
        item.iconPath = new vscode.ThemeIcon(node.which === 'links' ? 'references' : 'mention');
        item.contextValue = node.which;
        return item;
      }
      case 'place':
        return placeItem(node.place, node.parentId);
      case 'more': {
        const item = new vscode.TreeItem(vscode.l10n.t('{0} more: filter to narrow the list', node.count));
        item.id = `${node.parentId}/more`;
        item.iconPath = new vscode.ThemeIcon('filter');
        item.command = { title: vscode.l10n.t('Filter Glossary'), command: 'markdownGlossary.view.filter' };
        return item;
      }
    }
  }
}

/** The Glossary view: terms grouped by tag or by folder, filtered as the user types. */
export class TermsTree extends GlossaryTree {
  private currentGroupBy: GroupBy;
  private currentFilter = '';
  view: vscode.TreeView<Node> | undefined;

  constructor(client: LanguageClient, private readonly state: vscode.Memento) {
    super(client);
    this.currentGroupBy = state.get<GroupBy>('markdownGlossary.groupBy') === 'folder' ? 'folder' : 'tag';
    void this.updateContext();
  }

  protected override groupBy(): GroupBy {
    return this.currentGroupBy;
  }

  protected override filter(): string {
    return this.currentFilter;
  }

  get filterText(): string {
    return this.currentFilter;
  }

  async setGroupBy(groupBy: GroupBy): Promise<void> {
    this.currentGroupBy = groupBy;
    await this.state.update('markdownGlossary.groupBy', groupBy);
    await this.updateContext();
    this.refresh();
  }

  async setFilter(filter: string): Promise<void> {
    this.currentFilter = filter;
    await this.updateContext();
    this.refresh();
  }

  private async updateContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'markdownGlossary.groupBy', this.currentGroupBy);
    await vscode.commands.executeCommand('setContext', 'markdownGlossary.filtered', this.currentFilter !== '');
  }

  async rootChildren(): Promise<Node[]> {
    const params: TermGroupsParams = { groupBy: this.currentGroupBy, filter: this.currentFilter };
    const { groups, shown, total } = await this.client.sendRequest<TermGroupsResult>(TERM_GROUPS_REQUEST, params);
    // Typing asks again at every key: the answer to an earlier filter must not overwrite the message of the last.
    if (this.view !== undefined && params.filter === this.currentFilter && params.groupBy === this.currentGroupBy) {
      this.view.description = total === 1 ? vscode.l10n.t('1 term') : vscode.l10n.t('{0} terms', total);
      this.view.message =
        this.currentFilter === ''
          ? undefined
          : shown === 0
            ? vscode.l10n.t('No term matches "{0}".', this.currentFilter)
            : vscode.l10n.t('{0} of {1} terms match "{2}".', shown, total, this.currentFilter);
    }
    return groups.map((group) => ({ kind: 'group', group, filtered: params.filter !== '' }));
  }
}

/** The Tags view: every tag with its label and use; the undeclared ones marked. */
export class TagsTree extends GlossaryTree {
  async rootChildren(): Promise<Node[]> {
    const tags = await this.client.sendRequest<TagSummary[]>(TAG_SUMMARIES_REQUEST);
    return tags.map((tag) => ({ kind: 'tag', tag }));
  }
}

/** A filter keeps few terms: the groups then open at once (under other ids, so that VS Code does not keep them closed). */
function groupItem(group: TermGroup, filtered: boolean): vscode.TreeItem {
  const label =
    group.kind === 'untagged' ? vscode.l10n.t('Without tags') : group.kind === 'folder' && group.key === '' ? vscode.l10n.t('(workspace folder)') : group.label;
  const item = new vscode.TreeItem(label, filtered ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `${filtered ? 'filtered:' : ''}group:${group.kind}:${group.key}`;
  item.description = [...(group.kind === 'tag' && group.label !== group.key ? [group.key] : []), String(group.count)].join(' · ');
  item.iconPath = new vscode.ThemeIcon(group.kind === 'folder' ? 'folder' : 'tag');
  item.contextValue = group.kind === 'tag' ? 'tagGroup' : `${group.kind}Group`;
  return item;
}

function tagItem(tag: TagSummary): vscode.TreeItem {
  const item = new vscode.TreeItem(tag.label, tag.count === 0 ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `tag:${tag.tag}`;
  const state =
    tag.undeclaredUses > 0 ? vscode.l10n.t('not declared') : tag.count === 0 ? vscode.l10n.t('unused') : undefined;
  item.description = [...(tag.label === tag.tag ? [] : [tag.tag]), String(tag.count), ...(state === undefined ? [] : [state])].join(' · ');
  item.iconPath = new vscode.ThemeIcon(tag.undeclaredUses > 0 ? 'warning' : 'tag', tag.undeclaredUses > 0 ? new vscode.ThemeColor('list.warningForeground') : undefined);
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(`**${escapeMarkdown(tag.label)}** (\`${tag.tag.replace(/`/g, "'")}\`)`);
  if (tag.description !== undefined) tooltip.appendMarkdown(`\n\n${escapeMarkdown(tag.description)}`);
  tooltip.appendMarkdown(`\n\n${tag.count === 1 ? vscode.l10n.t('Used by 1 entry.') : vscode.l10n.t('Used by {0} entries.', tag.count)}`);
  if (tag.undeclaredUses > 0) tooltip.appendMarkdown(` ${vscode.l10n.t('{0} of them are governed by a tags file that does not declare it.', tag.undeclaredUses)}`);
  if (tag.declaration !== undefined) tooltip.appendMarkdown(`\n\n${vscode.l10n.t('Declared in {0}', escapeMarkdown(vscode.workspace.asRelativePath(vscode.Uri.parse(tag.declaration.uri))))}`);
  item.tooltip = tooltip;
  item.contextValue = tag.declaration === undefined ? 'tag' : 'declaredTag';
  return item;
}

function termItem(term: ViewTerm, parentId: string): vscode.TreeItem {
  const item = new vscode.TreeItem(term.title, vscode.TreeItemCollapsibleState.Collapsed);
  const uri = vscode.Uri.parse(term.uri);
  item.id = `${parentId}/${term.uri}`;
  // The file's problems colour and count the item, as in the Explorer.
  item.resourceUri = uri;
  item.iconPath = new vscode.ThemeIcon('book');
  item.description = [
    ...term.aliases,
    ...(term.problems === 0 ? [] : [term.problems === 1 ? vscode.l10n.t('1 problem') : vscode.l10n.t('{0} problems', term.problems)]),
  ].join(' · ');
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(`**${escapeMarkdown(term.title)}**\n\n`);
  // The definition is Markdown from the workspace: shown as Markdown, never trusted with commands or HTML.
  tooltip.appendMarkdown(term.definition);
  if (term.tags.length > 0) tooltip.appendMarkdown(`\n\n${term.tags.map((tag) => `\`${tag.replace(/`/g, "'")}\``).join(' · ')}`);
  tooltip.appendMarkdown(`\n\n${escapeMarkdown(vscode.workspace.asRelativePath(uri))}`);
  item.tooltip = tooltip;
  item.command = { title: vscode.l10n.t('Open'), command: 'vscode.open', arguments: [uri, { selection: toRange(term.range) }] };
  item.contextValue = 'term';
  return item;
}

function placeItem(place: ReferencePlace, parentId: string): vscode.TreeItem {
  const uri = vscode.Uri.parse(place.uri);
  const item = new vscode.TreeItem(place.preview === '' ? vscode.workspace.asRelativePath(uri) : place.preview, vscode.TreeItemCollapsibleState.None);
  item.id = `${parentId}/${place.uri}:${place.range.start.line}:${place.range.start.character}`;
  item.description = `${vscode.workspace.asRelativePath(uri)}:${place.range.start.line + 1}`;
  item.iconPath = vscode.ThemeIcon.File;
  item.resourceUri = uri;
  item.command = { title: vscode.l10n.t('Open'), command: 'vscode.open', arguments: [uri, { selection: toRange(place.range) }] };
  item.contextValue = 'place';
  return item;
}

function toRange(range: ViewTerm['range']): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/**
 * Creates both views and their commands. `newTerm` is the New Term command, given tags to preselect;
 * `linkToTerm` asks the server for a link to a term from a document.
 */
export function registerViews(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  commands: { newTerm(tags: string[]): Promise<void>; linkToTerm(documentUri: string, termUri: string): Promise<string | null> },
): { refresh(what: 'glossary' | 'counts'): void } {
  const terms = new TermsTree(client, context.workspaceState);
  const tags = new TagsTree(client);
  const termsView = vscode.window.createTreeView(TERMS_VIEW, { treeDataProvider: terms, showCollapseAll: true });
  const tagsView = vscode.window.createTreeView(TAGS_VIEW, { treeDataProvider: tags, showCollapseAll: true });
  terms.view = termsView;
  // A hidden view is refreshed when it is shown again, not on every change.
  const stale = new Set<GlossaryTree>();
  const refreshIfVisible = (tree: GlossaryTree, view: vscode.TreeView<Node>, referencesToo: boolean) => {
    if (view.visible) tree.refresh(referencesToo);
    else stale.add(tree);
  };
  const showing = (tree: GlossaryTree) => (event: vscode.TreeViewVisibilityChangeEvent) => {
    if (event.visible && stale.delete(tree)) tree.refresh();
  };
  const tagOf = (node: Node | undefined): string | undefined =>
    node?.kind === 'tag' ? node.tag.tag : node?.kind === 'group' && node.group.kind === 'tag' ? node.group.key : undefined;

  context.subscriptions.push(
    termsView,
    tagsView,
    termsView.onDidChangeVisibility(showing(terms)),
    tagsView.onDidChangeVisibility(showing(tags)),
    vscode.commands.registerCommand('markdownGlossary.view.groupByTag', () => terms.setGroupBy('tag')),
    vscode.commands.registerCommand('markdownGlossary.view.groupByFolder', () => terms.setGroupBy('folder')),
    vscode.commands.registerCommand('markdownGlossary.view.filter', (text?: string) => (typeof text === 'string' ? terms.setFilter(text) : askFilter(terms))),
    vscode.commands.registerCommand('markdownGlossary.view.clearFilter', () => terms.setFilter('')),
    vscode.commands.registerCommand('markdownGlossary.view.refresh', () => {
      terms.refresh();
      tags.refresh();
    }),
    vscode.commands.registerCommand('markdownGlossary.view.newTermWithTag', (node?: Node) => commands.newTerm([tagOf(node)].filter((tag) => tag !== undefined))),
    vscode.commands.registerCommand('markdownGlossary.view.copyLink', async (node?: Node) => {
      if (node?.kind !== 'term') return;
      const active = vscode.window.activeTextEditor?.document;
      // A link is relative to where it is pasted: the Markdown file being edited, else the term's own folder.
      const from = active !== undefined && ['markdown', 'mdx'].includes(active.languageId) ? active.uri.toString() : node.term.uri;
      const link = await commands.linkToTerm(from, node.term.uri);
      if (link === null) return;
      await vscode.env.clipboard.writeText(link);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', link), 4000);
    }),
    vscode.commands.registerCommand('markdownGlossary.view.renameTerm', async (node?: Node, newName?: string) => {
      if (node?.kind !== 'term') return;
      const name = newName ?? (await vscode.window.showInputBox({ prompt: vscode.l10n.t('New title of "{0}"', node.term.title), value: node.term.title }));
      if (name === undefined || name === node.term.title) return;
      await renameTerm(client, node.term, name);
    }),
    vscode.commands.registerCommand('markdownGlossary.view.goToDeclaration', async (node?: Node) => {
      if (node?.kind !== 'tag' || node.tag.declaration === undefined) return;
      await vscode.window.showTextDocument(vscode.Uri.parse(node.tag.declaration.uri), { selection: toRange(node.tag.declaration.range) });
    }),
  );
  // Changes come in bursts (typing, a checkout): the trees are drawn again once they settle.
  let pending: NodeJS.Timeout | undefined;
  let referencesToo = false;
  context.subscriptions.push({ dispose: () => clearTimeout(pending) });
  return {
    // 'glossary': terms, names, tags or files changed; 'counts': only how many terms or problems.
    refresh: (what) => {
      referencesToo ||= what === 'glossary';
      clearTimeout(pending);
      pending = setTimeout(() => {
        refreshIfVisible(terms, termsView, referencesToo);
        refreshIfVisible(tags, tagsView, referencesToo);
        referencesToo = false;
      }, REFRESH_DELAY_MS);
    },
  };
}

/** An input box that filters the Glossary view as the user types; Escape restores the filter before. */
async function askFilter(terms: TermsTree): Promise<void> {
  const before = terms.filterText;
  const input = vscode.window.createInputBox();
  input.placeholder = vscode.l10n.t('Filter the glossary by title, alias or #tag');
  input.value = before;
  input.onDidChangeValue((value) => void terms.setFilter(value));
  const accepted = await new Promise<boolean>((resolve) => {
    input.onDidAccept(() => resolve(true));
    input.onDidHide(() => resolve(false));
    input.show();
  });
  input.dispose();
  if (!accepted) await terms.setFilter(before);
}

/** Renames a term as F2 on its title would: the server's rename, applied as one undoable edit. */
async function renameTerm(client: LanguageClient, term: ViewTerm, newName: string): Promise<void> {
  const uri = vscode.Uri.parse(term.uri);
  // The server renames from a document the editor has open.
  await vscode.workspace.openTextDocument(uri);
  try {
    const edit = await client.sendRequest(RenameRequest.type, { textDocument: { uri: term.uri }, position: term.range.start, newName });
    if (edit !== null) await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(edit));
  } catch (error) {
    void vscode.window.showErrorMessage((error as Error).message);
  }
}
