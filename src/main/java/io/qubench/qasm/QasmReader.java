package io.qubench.qasm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import io.qubench.circuit.Circuit;

/** Reads OpenQASM 2.0 or 3 text (the version comes from the header; none means 3). */
public final class QasmReader {

    /** Files above this size are refused before reading: no real circuit file comes near it. */
    public static final long MAX_FILE_BYTES = 64L << 20;

    private QasmReader() {
    }

    public static Circuit parse(String text, String sourceName) {
        return QasmParser.parse(text, sourceName);
    }

    public static Circuit read(Path file) {
        return parse(readText(file), file.toString());
    }

    /** The version a text declares: {@code OPENQASM 2.x;} is 2, anything else 3. */
    public static QasmVersion detectVersion(String text) {
        return text.replaceAll("(?s)//[^\n]*|/\\*.*?\\*/", "").strip().matches("(?s)OPENQASM\\s+2.*")
                ? QasmVersion.V2 : QasmVersion.V3;
    }

    /** The file's text, after checking it exists, is a readable text file and is not too large. */
    public static String readText(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new QasmException(name, 0, 0, "is a directory, not an OpenQASM file");
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new QasmException(name, 0, 0, String.format("file is too large (%.1f MiB; at most %d MiB)",
                        size / (1024.0 * 1024), MAX_FILE_BYTES >> 20));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new QasmException(name, 0, 0, "file not found");
        } catch (AccessDeniedException e) {
            throw new QasmException(name, 0, 0, "permission denied");
        } catch (IOException e) {
            throw new QasmException(name, 0, 0, "cannot be read: " + e.getMessage());
        }
        if (bytes.length == 0) {
            throw new QasmException(name, 0, 0, "file is empty");
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new QasmException(name, 0, 0, "not a text file (it contains NUL bytes)");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new QasmException(name, 0, 0, "not a text file (it is not valid UTF-8)");
        }
    }
}
