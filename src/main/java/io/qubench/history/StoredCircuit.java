package io.qubench.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

import io.qubench.qasm.QasmVersion;

/**
 * The exact OpenQASM text that ran, keyed by the SHA-256 of that text: the same text is kept
 * once however many runs use it (the first name given to it stays).
 *
 * @param name where it came from, e.g. the file name, if known
 */
public record StoredCircuit(String hash, String text, QasmVersion qasmVersion, Optional<String> name) {

    public StoredCircuit {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(qasmVersion, "qasmVersion");
        Objects.requireNonNull(name, "name");
        if (!hash.equals(sha256(text))) {
            throw new IllegalArgumentException("hash " + hash + " is not the SHA-256 of the circuit text");
        }
    }

    public static StoredCircuit of(String text, QasmVersion qasmVersion, Optional<String> name) {
        return new StoredCircuit(sha256(text), text, qasmVersion, name);
    }

    /** Hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
