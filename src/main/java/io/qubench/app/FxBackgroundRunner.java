package io.qubench.app;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import javafx.concurrent.Task;

/** {@link BackgroundRunner} over {@link Task}s on the application's executor. */
public final class FxBackgroundRunner implements BackgroundRunner {

    private final Executor executor;

    public FxBackgroundRunner(Executor executor) {
        this.executor = executor;
    }

    @Override
    public <T> Cancellable run(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateTitle(title);
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onError.accept(task.getException()));
        try {
            executor.execute(task);
        } catch (RejectedExecutionException closing) {
            // The application (or a test's window) is closing: late work, such as a debounced
            // re-parse, has nowhere to run and nobody to show its result to.
            return Cancellable.DONE;
        }
        return () -> task.cancel(true);
    }
}
