package io.qubench.app;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs background work in place, on the calling thread: view-model tests need no FX toolkit. */
public final class ImmediateRunner implements BackgroundRunner {

    @Override
    public <T> Cancellable run(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        T value;
        try {
            value = work.call();
        } catch (Exception | Error e) {
            onError.accept(e);
            return Cancellable.DONE;
        }
        onSuccess.accept(value);
        return Cancellable.DONE;
    }
}
