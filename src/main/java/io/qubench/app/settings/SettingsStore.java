package io.qubench.app.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Reads and writes {@link WorkbenchSettings} as {@code settings.json} in the data directory.
 * A file that cannot be read is moved aside (never deleted) and the defaults are used, so a
 * damaged file never stops the workbench from starting nor loses what the user had.
 */
public final class SettingsStore {

    public static final String FILE_NAME = "settings.json";

    private final Path file;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private String problem;

    public SettingsStore(Path dataDirectory) {
        this.file = dataDirectory.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /** The saved settings, or the defaults when there are none or they cannot be read. */
    public WorkbenchSettings load() {
        problem = null;
        if (!Files.exists(file)) {
            return WorkbenchSettings.defaults();
        }
        try {
            WorkbenchSettings read = json.readValue(file.toFile(), WorkbenchSettings.class);
            return read == null ? WorkbenchSettings.defaults() : read;
        } catch (JacksonException e) {
            Path aside = file.resolveSibling(FILE_NAME + ".unreadable");
            problem = file + ": not valid settings (" + e.getOriginalMessage() + "); kept as " + aside.getFileName()
                    + " and started with the defaults";
            moveAside(aside);
            return WorkbenchSettings.defaults();
        } catch (IOException e) {
            problem = file + ": cannot be read (" + e.getMessage() + "); started with the defaults";
            return WorkbenchSettings.defaults();
        }
    }

    /** Why the last {@link #load()} fell back to the defaults, if it did. */
    public Optional<String> loadProblem() {
        return Optional.ofNullable(problem);
    }

    /** Writes {@code settings} through a temporary file, so a crash mid-write keeps the old file whole. */
    public void save(WorkbenchSettings settings) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
            json.writeValue(temporary.toFile(), settings);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot save settings: " + e.getMessage(), e);
        }
    }

    private void moveAside(Path aside) {
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            problem += " (could not move it aside: " + e.getMessage() + ")";
        }
    }
}
