package io.qubench.sim.statevector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParallelPolicyTest {

    private static final ForkJoinPool POOL = new ForkJoinPool(3);
    private static final ParallelPolicy FOUR_THREADS = new ParallelPolicy.ForkJoinPolicy(POOL, 4, 16);

    @AfterAll
    static void shutDown() {
        POOL.shutdownNow();
    }

    private static AtomicIntegerArray visits(long count, boolean coarse) {
        AtomicIntegerArray visits = new AtomicIntegerArray((int) count);
        ParallelPolicy.RangeBody body = (from, to) -> {
            assertThat(from).isLessThan(to);
            for (long i = from; i < to; i++) {
                visits.incrementAndGet((int) i);
            }
        };
        if (coarse) {
            FOUR_THREADS.forCoarse(count, body);
        } else {
            FOUR_THREADS.forRange(count, body);
        }
        return visits;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 15, 16, 17, 63, 64, 1000, 4099})
    void everyItemOfARangeIsVisitedExactlyOnce(long count) {
        for (boolean coarse : new boolean[] {false, true}) {
            AtomicIntegerArray visits = visits(count, coarse);
            for (int i = 0; i < count; i++) {
                assertThat(visits.get(i)).as("item %d of %d (coarse %s)", i, count, coarse).isEqualTo(1);
            }
        }
    }

    @Test
    void anEmptyRangeRunsNothing() {
        AtomicLong items = new AtomicLong();
        FOUR_THREADS.forRange(0, (from, to) -> items.addAndGet(to - from));
        FOUR_THREADS.forCoarse(0, (from, to) -> items.addAndGet(to - from));
        assertThat(items).hasValue(0);
    }

    @Test
    void aRangeBelowTheParallelMinimumRunsOnTheCallingThreadInOnePiece() {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        AtomicLong pieces = new AtomicLong();
        FOUR_THREADS.forRange(15, (from, to) -> {
            threads.add(Thread.currentThread());
            pieces.incrementAndGet();
        });
        assertThat(threads).containsExactly(Thread.currentThread());
        assertThat(pieces).hasValue(1);
    }

    @Test
    void theCallerAndThePoolShareTheWork() throws InterruptedException {
        // Every piece waits until two threads are inside: it can only finish if the caller works too.
        CountDownLatch bothIn = new CountDownLatch(2);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        ParallelPolicy twoThreads = new ParallelPolicy.ForkJoinPolicy(POOL, 2, 1);
        twoThreads.forCoarse(2, (from, to) -> {
            threads.add(Thread.currentThread());
            bothIn.countDown();
            try {
                assertThat(bothIn.await(10, TimeUnit.SECONDS)).as("a second thread took a piece").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(threads).hasSize(2).contains(Thread.currentThread());
    }

    @Test
    void aFailingPieceFailsTheCallAfterEveryThreadHasStopped() {
        AtomicLong running = new AtomicLong();
        assertThatThrownBy(() -> FOUR_THREADS.forCoarse(1000, (from, to) -> {
            running.incrementAndGet();
            try {
                if (from <= 500 && 500 < to) {
                    throw new IllegalStateException("piece at 500");
                }
            } finally {
                running.decrementAndGet();
            }
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("piece at 500");
        assertThat(running).as("pieces still running once the call has returned").hasValue(0);
    }

    @Test
    void anErrorInAPieceIsRethrownAsItself() {
        assertThatThrownBy(() -> FOUR_THREADS.forRange(1000, (from, to) -> {
            throw new AssertionError("kernel check at " + from);
        })).isInstanceOf(AssertionError.class).hasMessageContaining("kernel check at");
    }
}
