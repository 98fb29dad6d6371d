package io.qubench.cli;

import java.nio.file.Path;
import java.util.Optional;

import io.qubench.history.DataDirectory;
import io.qubench.history.HistoryDatabase;
import picocli.CommandLine.Option;

/** The {@code --data-dir DIR} option of every command that reads or writes the history (a picocli mixin). */
final class DataDirOption {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "where the history, provider settings and keys are kept (default: -D" + DataDirectory.PROPERTY + " or ~/.qubench)")
    Path dir;

    /** The chosen data directory, created if it is not there yet. */
    Path path() {
        return DataDirectory.create(DataDirectory.resolve(Optional.ofNullable(dir)).path()).path();
    }

    /** Opens the history in the chosen data directory; one that cannot be opened is a HistoryException (exit 2). */
    HistoryDatabase open() {
        return HistoryDatabase.open(DataDirectory.resolve(Optional.ofNullable(dir)));
    }
}
