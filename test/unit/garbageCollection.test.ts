import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CollectionPacer, fullCollection } from '../../server/src/common/garbageCollection';

describe('garbage collection after large passes', () => {
  /** A pacer on a clock the test moves, whose collections take `collectionMs` and run when `runLater` is called. */
  function pacer(collectionMs: number) {
    let clock = 0;
    const collected: number[] = [];
    const pending: Array<() => void> = [];
    const subject = new CollectionPacer(
      () => {
        collected.push(clock);
        clock += collectionMs;
      },
      () => clock,
      (run) => pending.push(run),
    );
    return {
      subject,
      collected,
      advance: (ms: number) => (clock += ms),
      runLater: () => pending.splice(0).forEach((run) => run()),
    };
  }

  it('collects once after the pass, not while the answer is still being sent', () => {
    const { subject, collected, runLater } = pacer(50);
    subject.afterLargePass();
    assert.deepEqual(collected, []);
    runLater();
    assert.deepEqual(collected, [0]);
  });

  it('asks for one collection however many passes end before it runs', () => {
    const { subject, collected, runLater } = pacer(50);
    subject.afterLargePass();
    subject.afterLargePass();
    runLater();
    assert.equal(collected.length, 1);
  });

  it('spends at most a tenth of the time collecting: after one of 50 ms, none for the next 500 ms', () => {
    const { subject, collected, advance, runLater } = pacer(50);
    subject.afterLargePass();
    runLater();
    advance(499);
    subject.afterLargePass();
    runLater();
    assert.deepEqual(collected, [0]);
    advance(1);
    subject.afterLargePass();
    runLater();
    assert.deepEqual(collected, [0, 550]);
  });

  it('does nothing where the runtime offers no collection', () => {
    const scheduled: Array<() => void> = [];
    new CollectionPacer(undefined, () => 0, (run) => scheduled.push(run)).afterLargePass();
    assert.equal(scheduled.length, 0);
  });

  it('finds the full collection of this runtime', () => {
    assert.equal(typeof fullCollection(), 'function');
  });
});
