package io.qubench.job;

import java.time.Duration;
import java.util.concurrent.CancellationException;

/** Waits. Injected so that tests move a fake clock instead of waiting. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = d -> {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting");
        }
    };

    void sleep(Duration duration);
}
