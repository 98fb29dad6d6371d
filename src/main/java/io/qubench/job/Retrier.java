package io.qubench.job;

import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import io.qubench.backend.BackendException;

/** Runs a backend call, retrying timeouts, 429s and 5xx errors by its {@link RetryPolicy}. */
final class Retrier {

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    Retrier(RetryPolicy policy, Sleeper sleeper, RandomGenerator random) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.random = random;
    }

    /**
     * The call's result; a final failure, or the last retryable one once the attempts are used
     * up, is thrown. Each retry is told to {@code note}.
     */
    <T> T call(String what, Supplier<T> call, Consumer<String> note) {
        for (int attempt = 1;; attempt++) {
            try {
                return call.get();
            } catch (BackendException e) {
                if (!e.retryable() || attempt >= policy.maxAttempts()) {
                    throw e;
                }
                java.time.Duration wait;
                synchronized (random) {
                    wait = policy.delay(attempt, e.retryAfter(), random);
                }
                note.accept(what + " failed (" + e.kind() + ": " + e.getMessage() + "); retry " + attempt + " in "
                        + wait.toMillis() + " ms");
                sleeper.sleep(wait);
            }
        }
    }
}
