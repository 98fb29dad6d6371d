package io.qubench.backend.remote;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.Clock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.qubench.backend.BackendException.Kind;

/**
 * JSON over {@code java.net.http} for every provider adapter: one place that sends a request
 * with a timeout, maps HTTP statuses to {@link ProviderException} kinds and reads Retry-After.
 * It never puts headers or request bodies into messages, so credentials cannot leak through errors.
 */
public final class JsonHttp {

    private final String provider;
    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public JsonHttp(String provider, HttpClient client, Duration timeout, Clock clock) {
        this.provider = provider;
        this.client = client;
        this.timeout = timeout;
        this.clock = clock;
    }

    public ObjectMapper mapper() {
        return json;
    }

    /** A request builder for {@code uri} with this client's timeout and JSON accepted. */
    public HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
    }

    public HttpRequest.BodyPublisher body(Object value) {
        try {
            return HttpRequest.BodyPublishers.ofString(json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write request body", e);
        }
    }

    /**
     * Sends {@code request} and returns the JSON reply (an empty object for an empty body).
     * {@code call} names the operation in error messages, e.g. {@code "GET /jobs/abc"}.
     */
    public JsonNode send(HttpRequest request, String call) {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ProviderException(provider, Kind.TIMEOUT, 0, null, call + ": no answer within " + (timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s"), e);
        } catch (IOException e) {
            throw new ProviderException(provider, Kind.SERVER_ERROR, 0, null, call + ": connection failed (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException(call + " interrupted");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return parse(response.body(), call, status);
        }
        String detail = call + ": HTTP " + status + errorText(response.body());
        if (status == 401 || status == 403) {
            throw new ProviderException(provider, Kind.UNAUTHORIZED, status, detail);
        }
        if (status == 429) {
            Duration wait = response.headers().firstValue("Retry-After").map(this::retryAfter).orElse(null);
            throw new ProviderException(provider, Kind.RATE_LIMITED, status, wait, detail, null);
        }
        if (status >= 500) {
            throw new ProviderException(provider, Kind.SERVER_ERROR, status, detail);
        }
        throw new ProviderException(provider, Kind.REJECTED, status, detail);
    }

    private JsonNode parse(String body, String call, int status) {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ProviderException(provider, Kind.BAD_RESPONSE, status, null, call + ": the answer is not JSON", e);
        }
    }

    /** The provider's own error text, if the body carries one in a usual field; short. */
    private String errorText(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode node = json.readTree(body);
            for (String field : new String[] {"message", "error", "errors", "detail", "errorMessage"}) {
                JsonNode value = node.path(field);
                if (!value.isMissingNode()) {
                    String text = value.isTextual() ? value.asText() : value.toString();
                    return " (" + (text.length() > 300 ? text.substring(0, 300) + "…" : text) + ")";
                }
            }
        } catch (JsonProcessingException ignored) {
            // Not JSON: say nothing rather than echo an arbitrary page.
        }
        return "";
    }

    /** Retry-After is either seconds or an HTTP date (RFC 9110 §10.2.3). */
    private Duration retryAfter(String value) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    /** A required field of a reply, or a BAD_RESPONSE naming it. */
    public JsonNode required(JsonNode node, String field, String call) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw new ProviderException(provider, Kind.BAD_RESPONSE, 200, call + ": the answer has no \"" + field + "\"");
        }
        return value;
    }
}
