package io.qubench.sim.statevector;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class WarmupTest {

    @Test
    void theBackgroundWarmUpRunsEveryPathToItsEndAndAWaitingStateIsReleased() {
        assertThatCode(() -> {
            Warmup.startInBackground();
            Warmup.startInBackground();
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), Warmup::await);
        }).doesNotThrowAnyException();
        // The same paths, run on this thread, so that an error in them fails here rather than in a daemon thread.
        assertThatCode(Warmup::run).doesNotThrowAnyException();
    }
}
