package io.qubench.app;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work (parsing, simulation, file I/O) off the FX thread and hands the outcome back
 * on it. View models depend on this interface so that tests can run the work in place.
 */
public interface BackgroundRunner {

    /** Starts {@code work}; exactly one of the callbacks later runs on the FX thread unless cancelled. */
    <T> Cancellable run(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError);

    /** A handle to stop work that is no longer wanted. */
    @FunctionalInterface
    interface Cancellable {
        Cancellable DONE = () -> { };

        void cancel();
    }
}
