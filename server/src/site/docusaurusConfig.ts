import { parse, parseExpression, type ParseError } from '@babel/parser';
import type * as babel from '@babel/types';
import * as l10n from '@vscode/l10n';
import { LineIndex, type Range } from '../common/text';
import type { BrokenLinkPolicy, ConfigProblem, DocusaurusConfigFacts, DocusaurusDocsOptions, SidebarDocReference } from './siteTypes';

/**
 * Reads a `docusaurus.config.{js,mjs,cjs,ts,mts,cts}` without running it: the file is code from the
 * workspace, so it is parsed, and only what the parser shows as literal values is taken. Values the
 * file computes are listed in `notLiteral` and left out, so the generator's defaults apply to them.
 */

/** Real configurations are a few kilobytes; the parser takes about half a second for a megabyte. */
export const MAX_CONFIG_CHARACTERS = 1024 * 1024;
const MAX_PARSE_PROBLEMS = 100;
/** Names and spreads followed to reach one value: real files use a handful; a cycle stops here. */
const MAX_HOPS = 32;
/**
 * Spreads, array items and type assertions looked at in one file: a file that spreads a large object
 * many times, or spreads of spreads, stops here. A real file uses a few hundred.
 */
const MAX_STEPS = 1_000_000;
/** Categories nested in a sidebar: real ones nest a few levels. */
const MAX_SIDEBAR_DEPTH = 100;

const BROKEN_LINK_POLICIES: readonly BrokenLinkPolicy[] = ['throw', 'warn', 'log', 'ignore'];
const MARKDOWN_FORMATS = ['mdx', 'md', 'detect'] as const;
/** The names Docusaurus resolves to the classic preset and to the docs plugin (`classic` is short for `@docusaurus/preset-classic`). */
const CLASSIC_PRESET_NAMES = new Set(['classic', '@docusaurus/preset-classic']);
const DOCS_PLUGIN_NAMES = new Set(['content-docs', '@docusaurus/plugin-content-docs']);
const DEFAULT_DOCS_ID = 'default';
/** Docusaurus's own check of a plugin id. */
const PLUGIN_ID = /^[\w-]+$/;

export function readDocusaurusConfig(text: string, fileName: string): DocusaurusConfigFacts {
  const facts: DocusaurusConfigFacts = { docs: [], notLiteral: [], problems: [] };
  const lines = new LineIndex(text);
  if (text.length > MAX_CONFIG_CHARACTERS) {
    facts.problems.push({
      range: lines.rangeAt(0, 0),
      message: l10n.t('More than {0} characters of site configuration: it is not read.', MAX_CONFIG_CHARACTERS),
    });
    return facts;
  }
  const program = parseProgram(text, fileName, lines, facts.problems);
  if (program) new ConfigReader(lines, facts).read(program);
  return definedOnly(facts);
}

/**
 * The doc ids the sidebars of a sidebars file (`sidebars.js`, `.ts`, `.json`, ...) name, read like
 * the configuration: only those its literal values show. Docusaurus fails the build on an id no
 * doc of the version has; see `siteConfigDiagnostics`.
 */
export function readDocusaurusSidebars(text: string, fileName: string): { references: SidebarDocReference[]; problems: ConfigProblem[] } {
  const facts: DocusaurusConfigFacts = { docs: [], notLiteral: [], problems: [] };
  const lines = new LineIndex(text);
  if (text.length > MAX_CONFIG_CHARACTERS) {
    facts.problems.push({ range: lines.rangeAt(0, 0), message: l10n.t('More than {0} characters of site configuration: it is not read.', MAX_CONFIG_CHARACTERS) });
    return { references: [], problems: facts.problems };
  }
  const reader = new ConfigReader(lines, facts);
  let references: SidebarDocReference[] = [];
  if (/\.json$/i.test(fileName)) {
    try {
      references = reader.readSidebars(parseExpression(text), emptyScope());
    } catch (error) {
      const position = (error as ParseError & Error).pos ?? 0;
      facts.problems.push({ range: lines.rangeAt(position, position), message: l10n.t('The site configuration does not parse: {0}', (error as Error).message.replace(/ \(\d+:\d+\)$/, '')) });
    }
  } else {
    const program = parseProgram(text, fileName, lines, facts.problems);
    const exported = program && exportedConfig(program);
    if (exported) references = reader.readSidebars(exported.node, scopeOf(program!.body, undefined));
  }
  return { references, problems: facts.problems };
}

function parseProgram(text: string, fileName: string, lines: LineIndex, problems: ConfigProblem[]): babel.Program | undefined {
  const typeScript = /\.[mc]?ts$/i.test(fileName);
  const problemAt = (error: Partial<ParseError> & Error) => ({
    range: lines.rangeAt(error.pos ?? 0, error.pos ?? 0),
    // The range shows the place; Babel's message ends with it as "(line:column)", counted from 1.
    message: l10n.t('The site configuration does not parse: {0}', error.message.replace(/ \(\d+:\d+\)$/, '')),
  });
  try {
    const file = parse(text, {
      sourceType: /\.m[jt]s$/i.test(fileName) ? 'module' : 'unambiguous',
      plugins: [typeScript ? 'typescript' : 'jsx'],
      errorRecovery: true,
    });
    for (const error of (file.errors ?? []).slice(0, MAX_PARSE_PROBLEMS)) problems.push(problemAt(error));
    return file.program;
  } catch (error) {
    // What the parser cannot recover from, such as a missing comma; its recursion runs out of stack on nesting no real file has.
    if (error instanceof RangeError) problems.push({ range: lines.rangeAt(0, 0), message: l10n.t('The site configuration is nested too deeply to be read.') });
    else problems.push(problemAt(error as Error));
    return undefined;
  }
}

type Binding =
  | { kind: 'const'; init: babel.Expression; scope: Scope }
  | { kind: 'function'; node: FunctionNode; scope: Scope }
  /** A `let`, `var`, import or parameter: its value is not known where it is read. */
  | { kind: 'unknown' };

interface Scope {
  bindings: Map<string, Binding>;
  parent: Scope | undefined;
}

type FunctionNode = babel.FunctionDeclaration | babel.FunctionExpression | babel.ArrowFunctionExpression | babel.ObjectMethod;

/** A value as far as the file shows it. `node` is where it is written (for a computed value: where it is computed). */
type Value =
  | { kind: 'literal'; value: string | number | boolean | null; node: babel.Node }
  | { kind: 'undefined'; node: babel.Node }
  | { kind: 'object'; node: babel.ObjectExpression; scope: Scope }
  | { kind: 'array'; node: babel.ArrayExpression; scope: Scope }
  | { kind: 'function'; node: babel.Node }
  | { kind: 'computed'; node: babel.Node };

type ObjectValue = Extract<Value, { kind: 'object' }>;

interface PropertyIndex {
  /** The position of the last property of each name. */
  lastOf: Map<string, number>;
  /** The positions of spreads and of properties whose name is computed: they may set any key. */
  overriders: number[];
}

/** A docs plugin instance and where it is configured, for problems about it. */
interface DocsInstance {
  options: DocusaurusDocsOptions;
  node: babel.Node;
}

class ConfigReader {
  private steps = MAX_STEPS;
  private readonly propertyIndexes = new WeakMap<babel.ObjectExpression, PropertyIndex>();

  constructor(
    private readonly lines: LineIndex,
    private readonly facts: DocusaurusConfigFacts,
  ) {}

  read(program: babel.Program): void {
    const scope = scopeOf(program.body, undefined);
    const exported = exportedConfig(program);
    if (!exported) {
      this.facts.problems.push({
        range: this.lines.rangeAt(0, 0),
        message: l10n.t('No site configuration is exported: Docusaurus reads the object of "export default" or "module.exports".'),
      });
      return;
    }
    const config = this.configObject(exported.node, scope, 0);
    if (config.kind === 'object') this.readSite(config);
    else if (config.kind === 'computed') this.notLiteral(exported.key, config.node);
    else this.problem(config.node, l10n.t('"{0}" must be an object.', exported.key));
  }

  /** The doc ids the sidebars of an exported sidebars object name; none where the file computes them. */
  readSidebars(exported: babel.Node, scope: Scope): SidebarDocReference[] {
    const references: SidebarDocReference[] = [];
    const sidebars = this.configObject(exported, scope, 0);
    if (sidebars.kind === 'object') for (const sidebar of this.propertyValues(sidebars)) this.sidebarItems(sidebar, references, 0);
    return references;
  }

  /**
   * A sidebar or a category's items, as Docusaurus normalises them: a list of items, or an object
   * of categories by label (the shorthand). An item is a doc id, an object with a `type`
   * (`doc` and `ref` name their `id`; a `category` its items, and a doc by `link: { type: 'doc', id }`), or a
   * shorthand object again.
   */
  private sidebarItems(items: Value | undefined, references: SidebarDocReference[], depth: number): void {
    if (items === undefined || depth > MAX_SIDEBAR_DEPTH) return;
    if (items.kind === 'object') {
      for (const category of this.propertyValues(items)) this.sidebarItems(category, references, depth + 1);
      return;
    }
    if (items.kind !== 'array') return;
    for (const item of this.items('sidebar', items)) {
      if (item.kind === 'literal' && typeof item.value === 'string') references.push(this.reference(item.value, item.node));
      if (item.kind !== 'object') continue;
      const type = this.property(item, 'type');
      if (type === undefined) this.sidebarItems(item, references, depth + 1);
      else if (type.kind === 'literal' && (type.value === 'doc' || type.value === 'ref')) this.docReference(item, references);
      else if (type.kind === 'literal' && type.value === 'category') {
        this.sidebarItems(this.property(item, 'items'), references, depth + 1);
        const link = this.property(item, 'link');
        const linkType = link?.kind === 'object' ? this.property(link, 'type') : undefined;
        if (link?.kind === 'object' && linkType?.kind === 'literal' && linkType.value === 'doc') this.docReference(link, references);
      }
    }
  }

  private docReference(item: ObjectValue, references: SidebarDocReference[]): void {
    const id = this.property(item, 'id');
    if (id?.kind === 'literal' && typeof id.value === 'string') references.push(this.reference(id.value, id.node));
  }

  private reference(id: string, node: babel.Node): SidebarDocReference {
    const quote = node.type === 'StringLiteral' ? (this.lines.text[node.start ?? 0] as SidebarDocReference['quote']) : node.type === 'TemplateLiteral' ? '`' : undefined;
    return { id, range: this.rangeOf(node), ...(quote === undefined ? {} : { quote }) };
  }

  /** The values of an object literal's keys, each as its last property gives it. */
  private propertyValues(object: ObjectValue): Value[] {
    return [...this.propertyIndex(object).lastOf.keys()].map((key) => this.property(object, key)).filter((value) => value !== undefined);
  }

  /** The object a configuration's export stands for: the object itself, a const, a function's returned object, or a wrapper call's argument. */
  private configObject(node: babel.Node, scope: Scope, hops: number): Value {
    if (hops > MAX_HOPS) return { kind: 'computed', node };
    const inner = this.unwrapped(node);
    if (isFunction(inner)) return this.returnedObject(inner, scope, hops + 1);
    if (inner.type === 'AwaitExpression') return this.configObject(inner.argument, scope, hops + 1);
    if (inner.type === 'CallExpression') {
      const [argument] = inner.arguments;
      if (inner.arguments.length === 1 && argument.type !== 'SpreadElement') {
        // A wrapper like defineConfig({...}) hands its argument through; a call with anything else, like require('./base'), is computed.
        const wrapped = this.configObject(argument, scope, hops + 1);
        return wrapped.kind === 'object' ? wrapped : { kind: 'computed', node: inner };
      }
      const callee = inner.callee.type === 'Identifier' ? lookUp(scope, inner.callee.name) : undefined;
      if (inner.arguments.length === 0 && callee?.kind === 'function') return this.returnedObject(callee.node, callee.scope, hops + 1);
      return { kind: 'computed', node: inner };
    }
    if (inner.type === 'Identifier') {
      const binding = lookUp(scope, inner.name);
      if (binding?.kind === 'const') return this.configObject(binding.init, binding.scope, hops + 1);
      if (binding?.kind === 'function') return this.returnedObject(binding.node, binding.scope, hops + 1);
    }
    return this.value(inner, scope, hops);
  }

  /** What a config creator function returns: the expression of an arrow, else its body's first `return` (a later one never runs). */
  private returnedObject(fn: FunctionNode, scope: Scope, hops: number): Value {
    if (fn.body.type !== 'BlockStatement') return this.configObject(fn.body, functionScope(fn, [], scope), hops);
    const body = functionScope(fn, fn.body.body, scope);
    const returned = fn.body.body.find((statement): statement is babel.ReturnStatement => statement.type === 'ReturnStatement');
    return returned?.argument ? this.configObject(returned.argument, body, hops) : { kind: 'computed', node: fn };
  }

  private readSite(config: ObjectValue): void {
    const baseUrl = this.property(config, 'baseUrl');
    if (baseUrl === undefined) this.problem(config.node, l10n.t('"{0}" is required.', 'baseUrl'), 1);
    this.facts.baseUrl = this.string('baseUrl', baseUrl);
    this.facts.trailingSlash = this.boolean('trailingSlash', this.property(config, 'trailingSlash'));
    this.facts.onBrokenLinks = this.oneOf('onBrokenLinks', this.property(config, 'onBrokenLinks'), BROKEN_LINK_POLICIES);

    const markdown = this.object('markdown', this.property(config, 'markdown'));
    this.facts.markdownFormat = markdown && this.oneOf('markdown.format', this.property(markdown, 'format'), MARKDOWN_FORMATS);
    if (markdown) this.facts.mdxSyntaxChangedBy = this.setOptions('markdown', markdown, ['preprocessor'], () => false);
    this.readMdx1Compat(config, markdown);
    // Docusaurus 3 still takes the old top-level option, when set, over the hook "for v3 retro compatibility".
    const topLevelPolicy = this.property(config, 'onBrokenMarkdownLinks');
    if (topLevelPolicy !== undefined && topLevelPolicy.kind !== 'undefined') {
      this.facts.onBrokenMarkdownLinks = this.oneOf('onBrokenMarkdownLinks', topLevelPolicy, BROKEN_LINK_POLICIES);
    } else if (markdown) {
      const hooks = this.object('markdown.hooks', this.property(markdown, 'hooks'));
      const hook = hooks && this.property(hooks, 'onBrokenMarkdownLinks');
      // A function decides link by link: nothing a reader can know.
      if (hook?.kind === 'function') this.notLiteral('markdown.hooks.onBrokenMarkdownLinks', hook.node);
      else this.facts.onBrokenMarkdownLinks = this.oneOf('markdown.hooks.onBrokenMarkdownLinks', hook, BROKEN_LINK_POLICIES);
    }

    const i18n = this.object('i18n', this.property(config, 'i18n'));
    if (i18n) {
      const defaultLocale = this.property(i18n, 'defaultLocale');
      const locales = this.property(i18n, 'locales');
      if (defaultLocale === undefined) this.problem(i18n.node, l10n.t('"{0}" is required.', 'i18n.defaultLocale'), 1);
      if (locales === undefined) this.problem(i18n.node, l10n.t('"{0}" is required.', 'i18n.locales'), 1);
      this.facts.defaultLocale = this.string('i18n.defaultLocale', defaultLocale);
      this.facts.locales = this.stringList('i18n.locales', locales);
      if (this.facts.locales?.length === 0 && locales) this.problem(locales.node, l10n.t('"{0}" must not be empty.', 'i18n.locales'));
    }

    const instances: DocsInstance[] = [];
    this.readPresets(this.property(config, 'presets'), instances);
    this.readPlugins(this.property(config, 'plugins'), instances);
    this.facts.docs = instances.map((instance) => instance.options);
    const ids = new Set<string>();
    for (const { options, node } of instances) {
      if (options.id === undefined) continue;
      if (ids.has(options.id)) {
        this.problem(node, l10n.t('Two docs instances have the id "{0}": Docusaurus refuses to build. Give one of them another "id".', options.id));
      }
      ids.add(options.id);
    }
  }

  /**
   * Whether MDX 1's syntax is still read (`markdown.mdx1Compat`: HTML comments, `{#id}` in headings,
   * `:::note Title`): by default in Docusaurus 3, not with `future: { v4: true }` (the template's
   * since 3.8) or `v4: { mdx1CompatDisabledByDefault: true }`, and as each flag of `mdx1Compat`
   * says. Flags that differ, or that the file computes, leave how MDX reads a page unknown.
   */
  private readMdx1Compat(config: ObjectValue, markdown: ObjectValue | undefined): void {
    const unknown = (key: string) => (this.facts.mdxSyntaxChangedBy = [...(this.facts.mdxSyntaxChangedBy ?? []), key]);
    let byDefault: boolean | undefined = true;
    const future = this.object('future', this.property(config, 'future'));
    const v4 = future && this.property(future, 'v4');
    if (v4 !== undefined && v4.kind !== 'undefined') {
      const disabled = v4.kind === 'object' ? this.property(v4, 'mdx1CompatDisabledByDefault') : v4;
      if (disabled === undefined || disabled.kind === 'undefined') byDefault = true;
      else if (disabled.kind === 'literal' && typeof disabled.value === 'boolean') byDefault = !disabled.value;
      else byDefault = undefined;
    }
    const compat = markdown && this.property(markdown, 'mdx1Compat');
    const flags = ['comments', 'admonitions', 'headingIds'].map((flag) => {
      if (compat === undefined || compat.kind === 'undefined') return byDefault;
      const value = compat.kind === 'object' ? this.property(compat, flag) : undefined;
      if (compat.kind === 'object' && (value === undefined || value.kind === 'undefined')) return byDefault;
      return value?.kind === 'literal' && typeof value.value === 'boolean' ? value.value : undefined;
    });
    if (flags.every((flag) => flag === true)) return;
    if (flags.every((flag) => flag === false)) this.facts.mdx1Compat = false;
    else unknown(compat !== undefined && compat.kind !== 'undefined' ? 'markdown.mdx1Compat' : 'future.v4');
  }

  /** The classic preset's docs instance: `presets: ['classic']` or `[['classic', { docs: {...} | false }]]`. */
  private readPresets(presets: Value | undefined, instances: DocsInstance[]): void {
    this.items('presets', presets).forEach((preset, index) => {
      const key = `presets[${index}]`;
      const entry = this.pluginEntry(key, preset);
      if (!entry || !CLASSIC_PRESET_NAMES.has(entry.name)) return;
      if (entry.options === 'computed') {
        instances.push({ options: {}, node: entry.node });
        return;
      }
      const docs = entry.options && this.property(entry.options, 'docs');
      if (docs === undefined || docs.kind === 'undefined') {
        instances.push({ options: { id: DEFAULT_DOCS_ID }, node: entry.node });
      } else if (docs.kind === 'object') {
        instances.push({ options: this.docsOptions(`${key}.docs`, docs), node: docs.node });
      } else if (docs.kind === 'computed') {
        this.notLiteral(`${key}.docs`, docs.node);
        instances.push({ options: {}, node: docs.node });
      } else if (!(docs.kind === 'literal' && docs.value === false)) {
        this.problem(docs.node, l10n.t('"{0}" must be an object or false.', `${key}.docs`));
      }
    });
  }

  /** Every `@docusaurus/plugin-content-docs` instance: `plugins: ['content-docs', ['@docusaurus/plugin-content-docs', {...}]]`. */
  private readPlugins(plugins: Value | undefined, instances: DocsInstance[]): void {
    this.items('plugins', plugins).forEach((plugin, index) => {
      const key = `plugins[${index}]`;
      const entry = this.pluginEntry(key, plugin);
      if (!entry || !DOCS_PLUGIN_NAMES.has(entry.name)) return;
      if (entry.options === 'computed') instances.push({ options: {}, node: entry.node });
      else if (entry.options) instances.push({ options: this.docsOptions(key, entry.options), node: entry.options.node });
      else instances.push({ options: { id: DEFAULT_DOCS_ID }, node: entry.node });
    });
  }

  /**
   * A plugin or preset entry as Docusaurus takes it: a name, or `[name, options]`; the name may be
   * `require.resolve('name')`. Undefined for an entry that names no module (`false`, an inline
   * plugin function) or whose name is computed; options are undefined when not given.
   */
  private pluginEntry(key: string, entry: Value): { name: string; options: ObjectValue | 'computed' | undefined; node: babel.Node } | undefined {
    const [nameNode, optionsNode] = entry.kind === 'array' ? entry.node.elements : [];
    const name =
      entry.kind !== 'array' ? this.moduleName(entry) : nameNode && nameNode.type !== 'SpreadElement' ? this.moduleName(this.value(nameNode, entry.scope, 0)) : undefined;
    if (name?.kind === 'computed') this.notLiteral(key, name.node);
    if (name?.kind !== 'literal' || typeof name.value !== 'string') return undefined;
    if (entry.kind !== 'array' || !optionsNode) return { name: name.value, options: undefined, node: entry.node };
    const options = optionsNode.type === 'SpreadElement' ? { kind: 'computed' as const, node: optionsNode } : this.value(optionsNode, entry.scope, 0);
    if (options.kind === 'undefined') return { name: name.value, options: undefined, node: entry.node };
    return { name: name.value, options: this.object(key, options) ?? 'computed', node: entry.node };
  }

  /** A module name: a string, or `require.resolve('name')`, whose path Docusaurus loads as that module. */
  private moduleName(name: Value): Value {
    const call = name.kind === 'computed' ? name.node : undefined;
    if (call?.type !== 'CallExpression' || !isMember(call.callee, 'require', 'resolve') || call.arguments.length !== 1) return name;
    const [argument] = call.arguments;
    return argument.type === 'SpreadElement' ? name : this.value(argument, emptyScope(), 0);
  }

  private docsOptions(key: string, options: ObjectValue): DocusaurusDocsOptions {
    const idValue = this.property(options, 'id');
    let id = this.string(`${key}.id`, idValue);
    if (id !== undefined && !PLUGIN_ID.test(id)) {
      this.problem(idValue!.node, l10n.t('"{0}" may only contain letters, digits, underscores and dashes.', `${key}.id`));
      id = undefined;
    } else if (idValue === undefined || idValue.kind === 'undefined') {
      id = DEFAULT_DOCS_ID;
    }
    const pathValue = this.property(options, 'path');
    let path = this.string(`${key}.path`, pathValue);
    if (path === '') {
      this.problem(pathValue!.node, l10n.t('"{0}" must not be empty.', `${key}.path`));
      path = undefined;
    }
    return definedOnly({
      id,
      path,
      routeBasePath: this.string(`${key}.routeBasePath`, this.property(options, 'routeBasePath')),
      include: this.stringList(`${key}.include`, this.property(options, 'include')),
      exclude: this.stringList(`${key}.exclude`, this.property(options, 'exclude')),
      numberPrefixParser: this.boolean(`${key}.numberPrefixParser`, this.property(options, 'numberPrefixParser')),
      sidebarPath: this.sidebarPath(`${key}.sidebarPath`, this.property(options, 'sidebarPath')),
      includeCurrentVersion: this.boolean(`${key}.includeCurrentVersion`, this.property(options, 'includeCurrentVersion')),
      disableVersioning: this.boolean(`${key}.disableVersioning`, this.property(options, 'disableVersioning')),
      onlyIncludeVersions: this.placed(this.property(options, 'onlyIncludeVersions'), (value) => this.stringList(`${key}.onlyIncludeVersions`, value)),
      lastVersion: this.placed(this.property(options, 'lastVersion'), (value) => this.string(`${key}.lastVersion`, value)),
      versions: this.versionOptions(`${key}.versions`, this.property(options, 'versions')),
      mdxSyntaxChangedBy: this.setOptions(key, options, ['remarkPlugins', 'beforeDefaultRemarkPlugins', 'admonitions'], (value) => isAllTrue(value) || (value.kind === 'array' && value.node.elements.length === 0)),
    });
  }

  /**
   * The keys of `options` (among `keys`) that are set to anything but their default, which
   * `isDefault` recognises: a remark plugin may add syntax (math, say), a preprocessor rewrite the
   * text; what MDX makes of a page is then not known without running them.
   */
  private setOptions(key: string, options: ObjectValue, keys: string[], isDefault: (value: Value) => boolean): string[] | undefined {
    const set = keys.filter((name) => {
      const value = this.property(options, name);
      return value !== undefined && value.kind !== 'undefined' && !isDefault(value);
    });
    return set.length === 0 ? undefined : set.map((name) => `${key}.${name}`);
  }

  /** A value read by `read`, with where the file writes it (for the generator's own errors about it). */
  private placed<T>(value: Value | undefined, reader: (value: Value | undefined) => T | undefined): { value: T; range: Range } | undefined {
    const read = reader(value);
    return read === undefined || value === undefined ? undefined : { value: read, range: this.rangeOf(value.node) };
  }

  /** `versions`: options by version name, of which the route's `path` of each is read; a version whose path is computed is left out. */
  private versionOptions(key: string, value: Value | undefined): DocusaurusDocsOptions['versions'] {
    const versions = this.object(key, value);
    if (versions === undefined) return undefined;
    const paths: Record<string, string | undefined> = {};
    for (const name of this.propertyIndex(versions).lastOf.keys()) {
      const options = this.object(`${key}.${name}`, this.property(versions, name));
      paths[name] = options && this.string(`${key}.${name}.path`, this.property(options, 'path'));
    }
    return { paths, range: this.rangeOf(versions.node) };
  }

  /** `sidebarPath`: a path (a string, or `require.resolve('./sidebars.js')`) or false. */
  private sidebarPath(key: string, value: Value | undefined): DocusaurusDocsOptions['sidebarPath'] {
    if (!value || value.kind === 'undefined') return undefined;
    const path = this.moduleName(value);
    if (path.kind === 'literal' && (typeof path.value === 'string' || path.value === false)) return { value: path.value, range: this.rangeOf(path.node) };
    if (path.kind === 'computed') this.notLiteral(key, path.node);
    else this.problem(path.node, l10n.t('"{0}" must be a string or false.', key));
    return undefined;
  }

  // Readers of one value: a literal of the expected type, else a problem (wrong type) or a `notLiteral` (computed).

  private string(key: string, value: Value | undefined): string | undefined {
    if (!value || value.kind === 'undefined') return undefined;
    if (value.kind === 'literal' && typeof value.value === 'string') return value.value;
    if (value.kind === 'computed') this.notLiteral(key, value.node);
    else this.problem(value.node, l10n.t('"{0}" must be a string.', key));
    return undefined;
  }

  private boolean(key: string, value: Value | undefined): boolean | undefined {
    if (!value || value.kind === 'undefined') return undefined;
    if (value.kind === 'literal' && typeof value.value === 'boolean') return value.value;
    if (value.kind === 'computed') this.notLiteral(key, value.node);
    else this.problem(value.node, l10n.t('"{0}" must be true or false.', key));
    return undefined;
  }

  private oneOf<T extends string>(key: string, value: Value | undefined, allowed: readonly T[]): T | undefined {
    if (!value || value.kind === 'undefined') return undefined;
    if (value.kind === 'literal' && allowed.includes(value.value as T)) return value.value as T;
    if (value.kind === 'computed') this.notLiteral(key, value.node);
    else this.problem(value.node, l10n.t('"{0}" must be one of {1}.', key, allowed.map((choice) => `"${choice}"`).join(', ')));
    return undefined;
  }

  private object(key: string, value: Value | undefined): ObjectValue | undefined {
    if (!value || value.kind === 'undefined') return undefined;
    if (value.kind === 'object') return value;
    if (value.kind === 'computed') this.notLiteral(key, value.node);
    else this.problem(value.node, l10n.t('"{0}" must be an object.', key));
    return undefined;
  }

  private stringList(key: string, value: Value | undefined): string[] | undefined {
    if (!value || value.kind === 'undefined') return undefined;
    if (value.kind === 'computed') {
      this.notLiteral(key, value.node);
      return undefined;
    }
    if (value.kind !== 'array') {
      this.problem(value.node, l10n.t('"{0}" must be a list of strings.', key));
      return undefined;
    }
    const strings = this.items(key, value).map((item, index) => this.string(`${key}[${index}]`, item));
    return strings.every((item) => item !== undefined) ? (strings as string[]) : undefined;
  }

  /** The items of an array, spreads of literal arrays expanded; a spread that cannot be read is one computed item. */
  private items(key: string, value: Value | undefined): Value[] {
    if (!value || value.kind === 'undefined') return [];
    if (value.kind !== 'array') {
      if (value.kind === 'computed') this.notLiteral(key, value.node);
      else this.problem(value.node, l10n.t('"{0}" must be a list.', key));
      return [];
    }
    const items: Value[] = [];
    const add = (array: Extract<Value, { kind: 'array' }>, hops: number) => {
      for (const element of array.node.elements) {
        if (--this.steps < 0) {
          items.push({ kind: 'computed', node: array.node });
          return;
        }
        if (element?.type !== 'SpreadElement') {
          items.push(element ? this.value(element, array.scope, hops) : { kind: 'undefined', node: array.node });
          continue;
        }
        const spread = this.value(element.argument, array.scope, hops + 1);
        if (spread.kind === 'array' && hops < MAX_HOPS) add(spread, hops + 1);
        else items.push({ kind: 'computed', node: element });
      }
    };
    add(value, 0);
    return items;
  }

  /**
   * The value of `key` in an object literal, undefined when the object surely has no such key. The
   * last property of that name wins, as in JavaScript; a spread after it may override it, so a
   * spread of an object literal is looked into, and any other spread (or a computed key) after it
   * makes the value computed.
   */
  private property(object: ObjectValue, key: string, hops = 0): Value | undefined {
    const properties = object.node.properties;
    const { lastOf, overriders } = this.propertyIndex(object);
    const last = lastOf.get(key) ?? -1;
    for (let index = overriders.length - 1; index >= 0 && overriders[index] > last; index--) {
      const property = properties[overriders[index]];
      if (--this.steps < 0) return { kind: 'computed', node: property };
      if (property.type !== 'SpreadElement') return { kind: 'computed', node: property.key };
      const spread = this.value(property.argument, object.scope, hops + 1);
      if (spread.kind === 'undefined' || (spread.kind === 'literal' && spread.value === null)) continue;
      if (spread.kind !== 'object' || hops >= MAX_HOPS) return { kind: 'computed', node: property };
      const found = this.property(spread, key, hops + 1);
      if (found) return found;
    }
    if (last < 0) return undefined;
    const property = properties[last] as babel.ObjectProperty | babel.ObjectMethod;
    return property.type === 'ObjectMethod' ? { kind: 'function', node: property } : this.value(property.value, object.scope, hops);
  }

  /** Where each key of an object literal is given last, and where its spreads and computed keys are: built once per object, so each look-up is quick. */
  private propertyIndex(object: ObjectValue): PropertyIndex {
    let index = this.propertyIndexes.get(object.node);
    if (index) return index;
    index = { lastOf: new Map(), overriders: [] };
    for (const [position, property] of object.node.properties.entries()) {
      const name = property.type === 'SpreadElement' ? undefined : this.propertyName(property, object.scope);
      if (name === undefined) index.overriders.push(position);
      else index.lastOf.set(name, position);
    }
    this.propertyIndexes.set(object.node, index);
    return index;
  }

  private propertyName(property: babel.ObjectProperty | babel.ObjectMethod, scope: Scope): string | undefined {
    const key = property.key;
    if (!property.computed && key.type === 'Identifier') return key.name;
    if (key.type === 'PrivateName') return undefined;
    const name = this.value(key, scope, 0);
    return name.kind === 'literal' && name.value !== null ? String(name.value) : undefined;
  }

  /** What an expression is, as far as literals and `const` names of the file show it. */
  private value(node: babel.Node, scope: Scope, hops: number): Value {
    const inner = this.unwrapped(node);
    switch (inner.type) {
      case 'StringLiteral':
      case 'NumericLiteral':
      case 'BooleanLiteral':
        return { kind: 'literal', value: inner.value, node: inner };
      case 'NullLiteral':
        return { kind: 'literal', value: null, node: inner };
      case 'TemplateLiteral': {
        const cooked = inner.expressions.length === 0 ? inner.quasis[0]?.value.cooked : undefined;
        return typeof cooked === 'string' ? { kind: 'literal', value: cooked, node: inner } : { kind: 'computed', node: inner };
      }
      case 'ObjectExpression':
        return { kind: 'object', node: inner, scope };
      case 'ArrayExpression':
        return { kind: 'array', node: inner, scope };
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
      case 'ClassExpression':
        return { kind: 'function', node: inner };
      case 'UnaryExpression':
        return inner.operator === 'void' ? { kind: 'undefined', node: inner } : { kind: 'computed', node: inner };
      case 'Identifier': {
        const binding = lookUp(scope, inner.name);
        if (!binding && inner.name === 'undefined') return { kind: 'undefined', node: inner };
        if (binding?.kind === 'function') return { kind: 'function', node: inner };
        if (binding?.kind !== 'const' || hops >= MAX_HOPS) return { kind: 'computed', node: inner };
        const resolved = this.value(binding.init, binding.scope, hops + 1);
        // The place of a computed value is its computation, but a literal is reported where the name is used.
        return resolved.kind === 'literal' || resolved.kind === 'undefined' ? { ...resolved, node: inner } : resolved;
      }
      default:
        return { kind: 'computed', node: inner };
    }
  }

  /**
   * The expression under type annotations and parentheses: `({...} satisfies Config)`, `config as Config`, `x!`.
   * Each layer costs a step: a file can stack them by the hundred thousand.
   */
  private unwrapped(node: babel.Node): babel.Node {
    let inner = node;
    while (
      (inner.type === 'TSAsExpression' ||
        inner.type === 'TSSatisfiesExpression' ||
        inner.type === 'TSTypeAssertion' ||
        inner.type === 'TSNonNullExpression' ||
        inner.type === 'ParenthesizedExpression') &&
      --this.steps >= 0
    ) {
      inner = inner.expression;
    }
    return inner;
  }

  private notLiteral(key: string, node: babel.Node): void {
    this.facts.notLiteral.push({ key, range: this.rangeOf(node) });
  }

  /** A problem at a node, or at its first `length` characters (the brace of an object that lacks a key). */
  private problem(node: babel.Node, message: string, length?: number): void {
    const range = this.rangeOf(node);
    if (length !== undefined) range.end = this.lines.positionAt((node.start ?? 0) + length);
    this.facts.problems.push({ range, message });
  }

  private rangeOf(node: babel.Node): Range {
    return this.lines.rangeAt(node.start ?? 0, node.end ?? node.start ?? 0);
  }
}

/** The last `export default X`, `module.exports = X` or `export = X` of the file: the one Node.js ends with. */
function exportedConfig(program: babel.Program): { node: babel.Node; key: string } | undefined {
  let exported: { node: babel.Node; key: string } | undefined;
  for (const statement of program.body) {
    if (statement.type === 'ExportDefaultDeclaration') exported = { node: statement.declaration, key: 'export default' };
    else if (statement.type === 'TSExportAssignment') exported = { node: statement.expression, key: 'export =' };
    else if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression') {
      const { left, right, operator } = statement.expression;
      if (operator === '=' && isMember(left, 'module', 'exports')) exported = { node: right, key: 'module.exports' };
    }
  }
  return exported;
}

/** The object without its keys whose value is undefined: absent means "not said". */
/** `true`, or an object of `true` values only (`mdx1Compat`'s default: every compatibility on). */
function isAllTrue(value: Value): boolean {
  if (value.kind === 'literal') return value.value === true;
  return value.kind === 'object' && value.node.properties.every((property) => property.type === 'ObjectProperty' && property.value.type === 'BooleanLiteral' && property.value.value);
}

function definedOnly<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

function isMember(node: babel.Node, object: string, property: string): boolean {
  if (node.type !== 'MemberExpression' || node.object.type !== 'Identifier' || node.object.name !== object) return false;
  if (!node.computed) return node.property.type === 'Identifier' && node.property.name === property;
  return node.property.type === 'StringLiteral' && node.property.value === property;
}

function isFunction(node: babel.Node): node is FunctionNode {
  return node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
}

function emptyScope(): Scope {
  return { bindings: new Map(), parent: undefined };
}

function lookUp(scope: Scope | undefined, name: string): Binding | undefined {
  for (let current = scope; current; current = current.parent) {
    const binding = current.bindings.get(name);
    if (binding) return binding;
  }
  return undefined;
}

function functionScope(fn: FunctionNode, body: babel.Statement[], parent: Scope): Scope {
  const scope = scopeOf(body, parent);
  // Parameters shadow outer names; their values come from the caller.
  for (const parameter of fn.params) if (parameter.type === 'Identifier') scope.bindings.set(parameter.name, { kind: 'unknown' });
  return scope;
}

/** The names a block's own statements declare: `const` with their initializers, functions, and the rest as unknown. */
function scopeOf(statements: babel.Statement[], parent: Scope | undefined): Scope {
  const scope: Scope = { bindings: new Map(), parent };
  for (const statement of statements) {
    const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
    if (!declaration) continue;
    if (declaration.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type !== 'Identifier') continue;
        const isConst = declaration.kind === 'const' && declarator.init;
        scope.bindings.set(declarator.id.name, isConst ? { kind: 'const', init: declarator.init!, scope } : { kind: 'unknown' });
      }
    } else if (declaration.type === 'FunctionDeclaration' && declaration.id) {
      scope.bindings.set(declaration.id.name, { kind: 'function', node: declaration, scope });
    } else if (declaration.type === 'ImportDeclaration') {
      for (const specifier of declaration.specifiers) scope.bindings.set(specifier.local.name, { kind: 'unknown' });
    }
  }
  return scope;
}
