package io.qubench.backend.remote;

import java.time.Duration;

import io.qubench.backend.BackendException;

/**
 * A provider call that did not succeed, with the provider and the HTTP status, classified by
 * {@link BackendException.Kind} so the job layer decides: retry later (rate limit, server
 * error, timeout), or give up with the reason. Messages name the provider, the call and the
 * status; never a credential.
 */
public final class ProviderException extends BackendException {

    private static final long serialVersionUID = 1L;

    private final String provider;
    private final int httpStatus;

    public ProviderException(String provider, Kind kind, int httpStatus, Duration retryAfter, String message, Throwable cause) {
        super(kind, provider + ": " + message, retryAfter, cause);
        this.provider = provider;
        this.httpStatus = httpStatus;
    }

    public ProviderException(String provider, Kind kind, int httpStatus, String message) {
        this(provider, kind, httpStatus, null, message, null);
    }

    public String provider() {
        return provider;
    }

    /** The HTTP status, or 0 when there was no response. */
    public int httpStatus() {
        return httpStatus;
    }
}
