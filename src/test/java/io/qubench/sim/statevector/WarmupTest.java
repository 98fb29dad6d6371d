package io.qubench.sim.statevector;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;


class WarmupTest {

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void theBackgroundWarmUpRunsEveryPathToItsEndAndAWaitingStateIsReleased(boolean single) {
        Warmup warmup = single ? Warmup.SINGLE : Warmup.DOUBLE;
        assertThatCode(() -> {
            warmup.startInBackground();
            warmup.startInBackground();
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), warmup::await);
        }).doesNotThrowAnyException();
        // The same paths, run on this thread, so that an error in them fails here rather than in a daemon thread.
        assertThatCode(warmup::run).doesNotThrowAnyException();
    }
}
