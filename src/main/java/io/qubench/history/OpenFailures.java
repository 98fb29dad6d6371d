package io.qubench.history;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;

import org.h2.api.ErrorCode;

/** Why a history file cannot be opened, said so that the user knows what to do; the file itself is never touched. */
final class OpenFailures {

    // Every H2 2.x store file begins with its header, "H:2,block:...".
    private static final byte[] H2_FILE_START = "H:2,".getBytes(StandardCharsets.US_ASCII);
    private static final String DAMAGED = "the file is damaged or not an H2 database of this version. It was left as it is: "
            + "move it away to start a new history, or restore it from a backup";

    private OpenFailures() {
    }

    /** Refuses, before H2 sees it, a path H2 would misreport: a directory, a file with a ';', a file that is not H2's. */
    static void refuseUnopenable(Path base, Path file) {
        if (base.toString().contains(";")) {
            throw new HistoryException("Cannot open the history database " + file + ": H2 does not accept ';' in a path; "
                    + "choose a data directory without one");
        }
        if (Files.isDirectory(file)) {
            throw new HistoryException("Cannot open the history database " + file + ": it is a directory, not a database file");
        }
        if (!Files.isRegularFile(file)) {
            return;
        }
        byte[] start = new byte[H2_FILE_START.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(start, 0, start.length);
        } catch (IOException e) {
            throw new HistoryException("Cannot open the history database " + file + ": it cannot be read (" + e.getMessage() + ")", e);
        }
        // H2 reports some foreign files as a mere I/O error.
        if (read > 0 && !Arrays.equals(start, H2_FILE_START)) {
            throw new HistoryException("Cannot open the history database " + file + ": " + DAMAGED);
        }
    }

    /** What H2's refusal to open {@code file} means for the user. */
    static HistoryException explain(Path file, SQLException e) {
        if (e.getErrorCode() == ErrorCode.IO_EXCEPTION_1 && causedBy(e, EOFException.class)) {
            return new HistoryException("Cannot open the history database " + file + ": the file is cut short; " + DAMAGED, e);
        }
        String reason = switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> "it is in use by another program that opened it exclusively (an H2 console or "
                    + "tool without AUTO_SERVER?). Close that program and try again";
            case ErrorCode.FILE_CORRUPTED_1, ErrorCode.FILE_VERSION_ERROR_1 -> DAMAGED;
            case ErrorCode.FILE_CREATION_FAILED_1, ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2 ->
                "it cannot be read or written (" + e.getMessage() + ")";
            default -> e.getMessage();
        };
        return new HistoryException("Cannot open the history database " + file + ": " + reason, e);
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> kind) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (kind.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
