/**
 * Mention recognition judged on real prose: paragraphs drawn at random (fixed seed) from three
 * corpora, every mention a careful reader sees written down by hand (test/mentions/README.md).
 * The floors are the figures reached; a change that lowers either fails here. To see every
 * disagreement: `node --import tsx test/mentions/evaluation.ts platinus cncf ffd mlg hugo k8sde`.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { annotationsOf, evaluate } from '../mentions/evaluation';

const FLOORS: Record<string, { precision: number; recall: number }> = {
  platinus: { precision: 0.987, recall: 0.974 },
  cncf: { precision: 0.919, recall: 0.947 },
  ffd: { precision: 0.983, recall: 0.956 },
  mlg: { precision: 1, recall: 0.934 },
  hugo: { precision: 0.897, recall: 0.977 },
  k8sde: { precision: 1, recall: 0.925 },
};

describe('mentions on hand-annotated real prose', () => {
  for (const [name, floor] of Object.entries(FLOORS)) {
    it(`${name}: precision and recall stay at or above ${(floor.precision * 100).toFixed(1)} % and ${(floor.recall * 100).toFixed(1)} %`, async () => {
      assert.ok(annotationsOf(name).paragraphs.length >= 40, 'at least 40 annotated paragraphs');
      const result = await evaluate(name);
      const report = `precision ${result.correct}/${result.found}, recall ${result.recalled}/${result.annotated}\n` +
        [...result.wrong.map((wrong) => `wrong  ${wrong.paragraph} ${JSON.stringify(wrong.text)} ${wrong.terms.join(' | ')}`), ...result.missed.map((missed) => `missed ${missed.paragraph} ${JSON.stringify(missed.text)} ${missed.terms.join(' | ')}`)].join('\n');
      console.log(`${name}: ${report.split('\n')[0]}`);
      assert.ok(result.precision >= floor.precision - 1e-9, `precision fell: ${report}`);
      assert.ok(result.recall >= floor.recall - 1e-9, `recall fell: ${report}`);
    });
  }
});
