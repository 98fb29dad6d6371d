package io.qubench.sim.statevector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class KernelChoiceTest {

    /** Warm-ups of no kernels, counted as they are made; the last one kept. */
    private final AtomicInteger made = new AtomicInteger();
    private volatile Warmup last;
    private final Supplier<Warmup> warmup = () -> {
        made.incrementAndGet();
        last = new Warmup("test", 4, q -> new FastState(q, ParallelPolicy.SEQUENTIAL, 0), (s, k) -> { }, List.of());
        return last;
    };

    private static void awaitFinished(Warmup w) {
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), w::await);
        assertThat(w.finished()).isTrue();
    }

    @Test
    void aLightRunInAJvmThatHasCompiledNothingRunsPlainLoopsWithoutWaiting() {
        KernelChoice choice = new KernelChoice();
        // random-20: 170 kernels on 2^20 amplitudes.
        KernelChoice.Run run = choice.forRun(20, 170, 1, warmup);
        assertThat(run.vectors()).isFalse();
        assertThat(run.waitFor()).isSameAs(Warmup.NONE);
        assertThat(made).hasValue(0);
    }

    @Test
    void aHeavyRunWaitsForItsWarmUpAndLaterLightRunsUseTheCompiledVectorKernels() {
        KernelChoice choice = new KernelChoice();
        // random-22: 191 kernels on 2^22 amplitudes.
        KernelChoice.Run heavy = choice.forRun(22, 191, 1, warmup);
        assertThat(heavy.vectors()).isTrue();
        assertThat(heavy.waitFor()).isNotSameAs(Warmup.NONE);
        awaitFinished(heavy.waitFor());

        assertThat(choice.vectorsCompiled()).isTrue();
        KernelChoice.Run light = choice.forRun(10, 20, 1, warmup);
        assertThat(light.vectors()).isTrue();
        assertThat(light.waitFor()).isSameAs(Warmup.NONE);
        assertThat(made).hasValue(1);
    }

    @Test
    void lightRunsThatAddUpToAHeavyOneWarmTheKernelsUpOnceInTheBackgroundAndThenUseThem() {
        KernelChoice choice = new KernelChoice();
        // 10 kernels on 2^24 amplitudes: 1.7·10^8 each, so the third run crosses 4·10^8.
        assertThat(choice.forRun(24, 10, 1, warmup).vectors()).isFalse();
        assertThat(choice.forRun(24, 10, 1, warmup).vectors()).isFalse();
        assertThat(made).hasValue(0);
        KernelChoice.Run third = choice.forRun(24, 10, 1, warmup);
        assertThat(third.vectors()).isFalse();
        assertThat(third.waitFor()).as("a light run does not wait for the background warm-up").isSameAs(Warmup.NONE);
        assertThat(made).hasValue(1);

        awaitFinished(last);
        assertThat(choice.forRun(24, 10, 1, warmup).vectors()).isTrue();
        assertThat(made).as("the background warm-up is started once").hasValue(1);
    }

    @Test
    void aRunThatBranchesPerShotCountsEveryShotsPasses() {
        KernelChoice choice = new KernelChoice();
        // 20 kernels on 2^16 amplitudes: light once, heavy over 1,000 shots.
        assertThat(choice.forRun(16, 20, 1, warmup).vectors()).isFalse();
        KernelChoice.Run branching = choice.forRun(16, 20, 1000, warmup);
        assertThat(branching.vectors()).isTrue();
        awaitFinished(branching.waitFor());
    }
}
