// Prints one plain closing line, "N passed, N failed" (and "N todo" where tests are marked todo),
// after Node's own reporter: the line CI reads.
export default async function* summaryReporter(source) {
  let passed = 0;
  let failed = 0;
  let todo = 0;
  for await (const event of source) {
    // Suites report too; count only the tests inside them.
    if (event.data?.details?.type === 'suite') continue;
    // A test marked todo (what a real editor itself cannot do yet) fails no run, passing or not.
    if ((event.type === 'test:pass' || event.type === 'test:fail') && event.data.todo !== undefined && event.data.todo !== false) todo++;
    else if (event.type === 'test:pass') passed++;
    else if (event.type === 'test:fail') failed++;
  }
  yield `${passed} passed, ${failed} failed${todo > 0 ? `, ${todo} todo` : ''}\n`;
}
