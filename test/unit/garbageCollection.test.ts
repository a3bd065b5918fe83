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
    const runLater = () => pending.splice(0).forEach((run) => run());
    return {
      subject,
      collected,
      advance: (ms: number) => (clock += ms),
      runLater,
      /** A pass goes on, then the event loop turns. */
      passGoesOn: () => {
        subject.duringPass();
        runLater();
      },
      /** A pass ends, then the event loop turns. */
      passEnds: () => {
        subject.afterPass();
        runLater();
      },
    };
  }

  it('collects once after the pass, not while the answer is still being sent', () => {
    const { subject, collected, runLater } = pacer(50);
    subject.afterPass();
    assert.deepEqual(collected, []);
    runLater();
    assert.deepEqual(collected, [0]);
  });

  it('asks for one collection however many passes end before it runs', () => {
    const { subject, collected, runLater } = pacer(50);
    subject.afterPass();
    subject.afterPass();
    runLater();
    assert.equal(collected.length, 1);
  });

  it('spends at most a tenth of the time collecting: after one of 50 ms, none for the next 500 ms', () => {
    const { collected, advance, passEnds } = pacer(50);
    passEnds();
    advance(499);
    passEnds();
    assert.deepEqual(collected, [0]);
    advance(1);
    passEnds();
    assert.deepEqual(collected, [0, 550]);
  });

  it('while a pass goes on, collects only while collections are short; at its end, however long they take', () => {
    const short = pacer(50);
    short.passGoesOn();
    short.advance(1000);
    short.passGoesOn();
    assert.deepEqual(short.collected, [0, 1050]);
    const long = pacer(600);
    long.passGoesOn();
    long.advance(10_000);
    long.passGoesOn();
    assert.deepEqual(long.collected, [0], 'a heap that takes 600 ms waits for the end of the pass');
    long.passEnds();
    assert.deepEqual(long.collected, [0, 10_600]);
  });

  it('does nothing where the runtime offers no collection', () => {
    const scheduled: Array<() => void> = [];
    new CollectionPacer(undefined, () => 0, (run) => scheduled.push(run)).afterPass();
    assert.equal(scheduled.length, 0);
  });

  it('finds the full collection of this runtime', () => {
    assert.equal(typeof fullCollection(), 'function');
  });
});
