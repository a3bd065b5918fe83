// Prints one plain closing line, "N passed, N failed", after Node's own reporter: the line CI reads.
export default async function* summaryReporter(source) {
  let passed = 0;
  let failed = 0;
  for await (const event of source) {
    // Suites report too; count only the tests inside them.
    if (event.type === 'test:pass' && event.data.details?.type !== 'suite') passed++;
    if (event.type === 'test:fail' && event.data.details?.type !== 'suite') failed++;
  }
  yield `${passed} passed, ${failed} failed\n`;
}
