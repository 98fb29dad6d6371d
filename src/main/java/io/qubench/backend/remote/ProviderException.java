package io.qubench.backend.remote;

import java.time.Duration;
import java.util.Optional;

/**
 * A provider call that did not succeed, classified so the job layer can decide: retry later
 * (rate limit, server error, timeout), refresh credentials, or give up with the reason.
 * Messages name the provider, the call and the HTTP status; never a credential.
 */
public final class ProviderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** 401/403 after a credential refresh: the key is wrong or lacks access. */
        UNAUTHORIZED,
        /** 429: the provider asks to slow down, perhaps with Retry-After. */
        RATE_LIMITED,
        /** 5xx: the provider failed; the same call may work later. */
        SERVER_ERROR,
        /** No answer in time: the call may or may not have taken effect. */
        TIMEOUT,
        /** 4xx other than the above: the request itself is wrong and will stay wrong. */
        REJECTED,
        /** The answer did not have the documented shape. */
        BAD_RESPONSE
    }

    private final String provider;
    private final Kind kind;
    private final int httpStatus;
    private final Duration retryAfter;

    public ProviderException(String provider, Kind kind, int httpStatus, Duration retryAfter, String message, Throwable cause) {
        super(provider + ": " + message, cause);
        this.provider = provider;
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    public ProviderException(String provider, Kind kind, int httpStatus, String message) {
        this(provider, kind, httpStatus, null, message, null);
    }

    public String provider() {
        return provider;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was no response. */
    public int httpStatus() {
        return httpStatus;
    }

    /** How long the provider asked us to wait (429 Retry-After), if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Whether the same call may succeed later: rate limits, server errors and timeouts. */
    public boolean retryable() {
        return kind == Kind.RATE_LIMITED || kind == Kind.SERVER_ERROR || kind == Kind.TIMEOUT;
    }
}
