import type { GlossaryDiagnostic } from '../../common/diagnostic';
import type { Directive } from '../../parsing/directives';

/** Which rules are on: all but the overridden ones, or none but those. */
class RuleState {
  private allOn = true;
  private readonly overrides = new Map<string, boolean>();

  apply(directive: Directive, on: boolean): void {
    if (directive.codes === undefined) {
      this.allOn = on;
      this.overrides.clear();
    } else {
      for (const code of directive.codes) this.overrides.set(code, on);
    }
  }

  isOn(code: string): boolean {
    return this.overrides.get(code) ?? this.allOn;
  }
}

/**
 * The problems the document's comments leave on, as markdownlint reads its own: `disable-file` and
 * `enable-file` set the whole file's state, in order; from there `disable` and `enable` change it
 * from their own line on; `disable-line` and `disable-next-line` turn rules off on one line. A
 * problem counts on the line where it starts. One pass over the problems sorted by line.
 */
export function withoutDisabled(found: GlossaryDiagnostic[], directives: readonly Directive[]): GlossaryDiagnostic[] {
  if (directives.length === 0) return found;
  const state = new RuleState();
  for (const directive of directives) {
    if (directive.action === 'disable-file' || directive.action === 'enable-file') state.apply(directive, directive.action === 'enable-file');
  }
  const ranged = directives.filter((directive) => directive.action === 'disable' || directive.action === 'enable').sort((a, b) => a.line - b.line);
  const oneLine = new Map<number, Directive[]>();
  for (const directive of directives) {
    if (directive.action !== 'disable-line' && directive.action !== 'disable-next-line') continue;
    const line = directive.line + (directive.action === 'disable-next-line' ? 1 : 0);
    oneLine.set(line, [...(oneLine.get(line) ?? []), directive]);
  }
  const disabled = new Set<GlossaryDiagnostic>();
  let next = 0;
  for (const diagnostic of [...found].sort((a, b) => a.range.start.line - b.range.start.line)) {
    const line = diagnostic.range.start.line;
    for (; next < ranged.length && ranged[next].line <= line; next++) state.apply(ranged[next], ranged[next].action === 'enable');
    const offHere = oneLine.get(line)?.some((directive) => directive.codes === undefined || directive.codes.includes(diagnostic.code)) ?? false;
    if (offHere || !state.isOn(diagnostic.code)) disabled.add(diagnostic);
  }
  return found.filter((diagnostic) => !disabled.has(diagnostic));
}
