package io.qubench.sim.statevector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.sim.BenchmarkCircuits;

class WarmupTest {

    @org.junit.jupiter.api.BeforeEach
    void forgetWhatEarlierTestsCompiled() {
        Warmup.forgetCompiled();
    }

    private static List<GateOperation> gates(Circuit c) {
        return c.operations().stream().filter(o -> o instanceof GateOperation).map(o -> (GateOperation) o).toList();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theBackgroundWarmUpRunsTheCircuitsKernelsToItsEndAndAWaitingStateIsReleased(boolean single) {
        List<GateOperation> gates = gates(BenchmarkCircuits.qft(20));
        Warmup warmup = single ? SingleState.warmupFor(20, 3, gates) : FastState.warmupFor(20, 3, gates);
        assertThat(warmup.kernels()).isNotEmpty();
        assertThatCode(() -> {
            warmup.startInBackground();
            warmup.startInBackground();
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), warmup::await);
        }).doesNotThrowAnyException();
        // The same kernels, run on this thread, so that an error in them fails here rather than in a daemon thread.
        assertThatCode(warmup::run).doesNotThrowAnyException();
    }

    @Test
    void fromTheSecondRoundOnTheWarmUpAlsoRunsAllItsKernelsAsStages() {
        Kernel h = Kernels.forMatrix(io.qubench.circuit.StandardGate.H.matrix(), new int[] {0});
        Kernel x = Kernels.forMatrix(io.qubench.circuit.StandardGate.X.matrix(), new int[] {3});
        java.util.concurrent.atomic.AtomicInteger applied = new java.util.concurrent.atomic.AtomicInteger();
        List<List<Kernel>> staged = new java.util.ArrayList<>();
        Warmup warmup = new Warmup("test", 4, q -> new FastState(q, ParallelPolicy.SEQUENTIAL, 0),
                (s, k) -> applied.incrementAndGet(), (s, all) -> staged.add(all), List.of(h, x));

        warmup.run();

        int rounds = applied.get() / 2;
        assertThat(rounds).isGreaterThan(1);
        assertThat(staged).hasSize(rounds - 1).allSatisfy(all -> assertThat(all).containsExactly(h, x));
    }

    @Test
    void aLaterWarmUpInTheSameJvmRunsOnlyTheKernelShapesNoEarlierOneCompiled() {
        Kernel h = Kernels.forMatrix(io.qubench.circuit.StandardGate.H.matrix(), new int[] {0});
        Kernel x = Kernels.forMatrix(io.qubench.circuit.StandardGate.X.matrix(), new int[] {5});
        Kernel otherH = Kernels.forMatrix(io.qubench.circuit.StandardGate.RY.matrix(0.3), new int[] {0});
        Kernel cz = Kernels.forMatrix(io.qubench.circuit.StandardGate.CZ.matrix(), new int[] {1, 6});
        java.util.concurrent.atomic.AtomicInteger applied = new java.util.concurrent.atomic.AtomicInteger();
        // The first round is slow, as uncompiled kernels are: the rounds then count as compiled.
        java.util.function.BiConsumer<io.qubench.sim.QuantumState, Kernel> apply = (s, k) -> {
            if (applied.getAndIncrement() < 2) {
                sleep(40);
            }
        };
        java.util.function.IntFunction<io.qubench.sim.QuantumState> state = q -> new FastState(q, ParallelPolicy.SEQUENTIAL, 0);
        new Warmup("test", 8, state, apply, List.of(h, x)).run();

        Warmup again = new Warmup("test", 8, state, apply, List.of(otherH, x));
        assertThat(again.kernels()).isEmpty();
        assertThat(again.finished()).as("nothing to compile").isTrue();
        applied.set(0);
        again.startInBackground();
        again.await();
        again.run();
        assertThat(applied).hasValue(0);

        Warmup wider = new Warmup("test", 8, state, apply, List.of(h, cz));
        assertThat(wider.kernels()).containsExactly(cz);
        assertThat(wider.finished()).isFalse();
        assertThat(new Warmup("single", 8, state, apply, List.of(h)).kernels()).as("another precision's kernels").containsExactly(h);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void representativesCoverEveryKernelKindTheStagesRunOnQubitsOfTheSmallState() {
        int n = 22;
        List<Kernel> asRun = new StagePlanner(n, FastState.CHUNK_QUBITS, FastState.MIN_RUN_QUBITS)
                .asRun(new Fuser(n, 3).fuse(QubitLayout.identity(n).place(gates(BenchmarkCircuits.random(n, 3)))));
        List<Kernel> picked = Warmup.representatives(asRun, 16);

        assertThat(picked.size()).isLessThan(asRun.size() / 4);
        assertThat(picked).allSatisfy(k -> assertThat(java.util.Arrays.stream(k.involved()).max().orElseThrow()).isLessThan(16));
        Set<String> kinds = asRun.stream().map(k -> k.getClass().getSimpleName() + (k instanceof Kernel.Dense d ? d.targets().length : ""))
                .collect(Collectors.toSet());
        Set<String> pickedKinds = picked.stream().map(k -> k.getClass().getSimpleName() + (k instanceof Kernel.Dense d ? d.targets().length : ""))
                .collect(Collectors.toSet());
        assertThat(pickedKinds).isEqualTo(kinds);
    }

    @Test
    void aKernelOnHighQubitsMovesAboveTheKeptOnesInOrderAndOneWithTooManyIsLeftOut() {
        Kernel.Swap ccx = new Kernel.Swap(new int[] {2, 20, 25}, (1L << 2) | (1L << 20), 0, 1L << 25);
        Kernel.Swap wide = new Kernel.Swap(new int[] {20, 21, 22, 23}, (1L << 20) | (1L << 21) | (1L << 22), 0, 1L << 23);

        List<Kernel> picked = Warmup.representatives(List.of(ccx, wide), 16);

        assertThat(picked).hasSize(1);
        Kernel.Swap moved = (Kernel.Swap) picked.getFirst();
        assertThat(moved.involved()).containsExactly(2, Warmup.KEPT_BELOW, Warmup.KEPT_BELOW + 1);
        assertThat(moved.controlMask()).isEqualTo((1L << 2) | (1L << Warmup.KEPT_BELOW));
        assertThat(moved.b()).isEqualTo(1L << (Warmup.KEPT_BELOW + 1));
    }

    private static Warmup.RoundTimes rounds(long... millis) {
        Warmup.RoundTimes r = new Warmup.RoundTimes();
        for (long m : millis) {
            r.add(m * 1_000_000);
        }
        return r;
    }

    @Test
    void roundsCountAsCompiledOnlyOnceTheTypicalRecentOneIsCloseToTheFastestAndFarFasterThanTheFirst() {
        // As measured on random-24: interpreted, C1, partly C2 (12 ms), then compiled (~1 ms).
        assertThat(rounds(1086, 319, 386, 107, 95, 80, 61, 58, 52, 53, 48, 59, 45).compiled()).isFalse();
        assertThat(rounds(1086, 12, 22, 11, 12, 12, 11, 7, 2, 2, 2, 2).compiled()).isFalse();
        assertThat(rounds(1086, 12, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1).compiled()).isTrue();
        // A stall: steady, but only 20× faster than the first round, so a kernel is still interpreted.
        assertThat(rounds(1000, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50).compiled()).isFalse();
        // Compiled, with a collection or another thread's compile slowing a few rounds (QFT-26's warm-up).
        assertThat(rounds(1661, 21, 3, 2, 2, 2, 9, 2, 2, 9, 2, 2, 2).compiled()).isTrue();
        // Half the recent rounds still slow: something is not compiled yet.
        assertThat(rounds(1661, 21, 3, 2, 9, 2, 9, 2, 9, 2, 9, 2, 9).compiled()).isFalse();
        // Too few rounds to tell.
        assertThat(rounds(1000, 1, 1, 1).compiled()).isFalse();
    }
}
