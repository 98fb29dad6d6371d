package io.qubench.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one directory where Qubench keeps user data (the history database among it), never the
 * working directory. Chosen, first match wins: an explicit path ({@code --data-dir}), the system
 * property {@value #PROPERTY}, then {@code ~/.qubench}.
 */
public record DataDirectory(Path path) {

    public static final String PROPERTY = "qubench.dataDir";
    static final String DEFAULT_NAME = ".qubench";

    public DataDirectory {
        path = path.toAbsolutePath().normalize();
    }

    /** Resolves and creates the data directory; {@code explicit} is empty unless the user named one. */
    public static DataDirectory resolve(Optional<Path> explicit) {
        Path chosen = explicit.or(() -> Optional.ofNullable(System.getProperty(PROPERTY)).filter(s -> !s.isBlank()).map(Path::of))
                .orElseGet(() -> Path.of(System.getProperty("user.home"), DEFAULT_NAME));
        return create(chosen);
    }

    /** Creates {@code dir} (and its parents) if needed and checks that it is a writable directory. */
    public static DataDirectory create(Path dir) {
        DataDirectory d = new DataDirectory(dir);
        Path p = d.path();
        if (Files.exists(p) && !Files.isDirectory(p)) {
            throw new HistoryException("Data directory " + p + " is a file, not a directory; choose another with --data-dir or -D"
                    + PROPERTY + "=...");
        }
        try {
            Files.createDirectories(p);
        } catch (IOException | SecurityException e) {
            throw new HistoryException("Cannot create the data directory " + p + ": " + describe(e)
                    + "; choose another with --data-dir or -D" + PROPERTY + "=...", e);
        }
        if (!Files.isWritable(p)) {
            throw new HistoryException("Data directory " + p + " is not writable; fix its permissions or choose another with --data-dir or -D"
                    + PROPERTY + "=...");
        }
        return d;
    }

    /** Where the history database lives: its files are {@code history.mv.db} and, while open, {@code history.lock.db}. */
    public Path historyDatabase() {
        return path.resolve("history");
    }

    private static String describe(Exception e) {
        // NIO exceptions often carry only the path as their message; the class name says what went wrong.
        String kind = e.getClass().getSimpleName().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase();
        return kind.replace(" exception", "") + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }
}
