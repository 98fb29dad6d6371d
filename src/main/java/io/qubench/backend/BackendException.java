package io.qubench.backend;

import java.time.Duration;
import java.util.Optional;

/**
 * A backend call that failed. Timeouts, rate limiting (HTTP 429, with the provider's
 * {@code Retry-After}) and server errors (5xx) are worth retrying; an unavailable backend is a
 * reason to fail over; a rejected request, refused credentials and an answer of the wrong shape
 * are final.
 */
public class BackendException extends RuntimeException {

    public enum Kind {
        TIMEOUT, RATE_LIMITED, SERVER_ERROR, UNAVAILABLE, REJECTED, UNAUTHORIZED, BAD_RESPONSE;

        public boolean retryable() {
            return this == TIMEOUT || this == RATE_LIMITED || this == SERVER_ERROR;
        }
    }

    private final Kind kind;
    private final Duration retryAfter;

    public BackendException(Kind kind, String message) {
        this(kind, message, null);
    }

    public BackendException(Kind kind, String message, Duration retryAfter) {
        this(kind, message, retryAfter, null);
    }

    public BackendException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** How long the provider asked us to wait before the next call, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean retryable() {
        return kind.retryable();
    }
}
