// Checked by the type check (`npm run typecheck`): the hand-written types of the npm package's
// library entry declare exactly what server/src/cli/library.ts exports, neither more nor less.
import type * as declared from '../../types/markdown-glossary';
import type * as source from '../../server/src/cli/library';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const declaredIsSource: Same<typeof declared, typeof source> = true;
