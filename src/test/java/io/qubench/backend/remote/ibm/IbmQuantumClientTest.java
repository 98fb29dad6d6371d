package io.qubench.backend.remote.ibm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.qubench.backend.remote.ProviderException;
import io.qubench.backend.BackendException.Kind;
import io.qubench.backend.remote.StubProviderServer;
import io.qubench.backend.remote.StubProviderServer.Reply;

class IbmQuantumClientTest {

    private static final String KEY = "FAKE-api-key-0123456789abcdefghijklmnopqrstu";
    private static final String TOKEN_REPLY = "{\"access_token\":\"tok-%d\",\"expires_in\":3600,\"expiration\":0}";

    private final StubProviderServer server = newServer();
    private final MutableClock clock = new MutableClock();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final IbmQuantumClient client = client(Duration.ofSeconds(20));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void submitSendsASamplerV2JobWithTheIsaCircuitShotsAndIdempotencyTag() throws IOException {
        server.answer(r -> r.path().startsWith("/identity") ? token() : Reply.ok("{\"id\":\"job-1\",\"backend\":\"ibm_kingston\"}"));

        String id = client.submitSampler("ibm_kingston", "OPENQASM 3.0; qubit[1] q;", 4000, "key-42");

        assertThat(id).isEqualTo("job-1");
        StubProviderServer.Request post = server.requests("POST", "/api/v1/jobs").getFirst();
        JsonNode body = new ObjectMapper().readTree(post.body());
        assertThat(body.path("program_id").asText()).isEqualTo("sampler");
        assertThat(body.path("backend").asText()).isEqualTo("ibm_kingston");
        assertThat(body.path("tags").get(0).asText()).isEqualTo("qubench-key:key-42");
        assertThat(body.path("params").path("version").asInt()).isEqualTo(2);
        assertThat(body.path("params").path("support_qiskit").asBoolean(true)).isFalse();
        JsonNode pub = body.path("params").path("pubs").get(0);
        assertThat(pub.get(0).asText()).isEqualTo("OPENQASM 3.0; qubit[1] q;");
        assertThat(pub.get(1).isNull()).isTrue();
        assertThat(pub.get(2).asInt()).isEqualTo(4000);
        assertThat(post.header("Authorization")).isEqualTo("Bearer tok-1");
        assertThat(post.header("Service-CRN")).isEqualTo("crn:v1:test");
        assertThat(post.header("IBM-API-Version")).isEqualTo(IbmEndpoints.API_VERSION);
        StubProviderServer.Request iam = server.requests("POST", "/identity/token").getFirst();
        assertThat(iam.body()).contains("grant_type=urn%3Aibm%3Aparams%3Aoauth%3Agrant-type%3Aapikey").contains("apikey=" + KEY);
    }

    @Test
    void theBearerTokenIsReusedUntilItNearsExpiryThenFetchedAgain() {
        server.answer(r -> r.path().startsWith("/identity") ? token() : Reply.ok("{\"state\":{\"status\":\"Running\"}}"));
        client.status("j");
        client.status("j");
        assertThat(tokensIssued).hasValue(1);
        clock.advance(Duration.ofMinutes(56));
        client.status("j");
        assertThat(tokensIssued).hasValue(2);
    }

    @Test
    void anExpiredTokenAnswered401IsRefreshedAndTheCallRepeatedOnce() {
        server.answer(r -> {
            if (r.path().startsWith("/identity")) {
                return token();
            }
            return "Bearer tok-1".equals(r.header("Authorization"))
                    ? Reply.json(401, "{\"message\":\"token expired\"}")
                    : Reply.ok("{\"state\":{\"status\":\"Completed\"}}");
        });
        assertThat(client.status("j").state()).isEqualTo(IbmJobStatus.State.COMPLETED);
        assertThat(tokensIssued).hasValue(2);
    }

    @Test
    void aRefusedApiKeyIsReportedAsUnauthorizedWithoutTheKey() {
        server.answer(r -> Reply.json(400, "{\"errorMessage\":\"Provided API key could not be found.\"}"));
        assertThatThrownBy(() -> client.status("j")).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
            assertThat(e.getMessage()).contains("IBM Quantum").contains("API key was refused").doesNotContain(KEY);
        });
    }

    @Test
    void tooManyRequestsCarriesRetryAfterAndIsRetryable() {
        server.answer(r -> r.path().startsWith("/identity") ? token()
                : Reply.json(429, "{\"errors\":[{\"message\":\"rate limited\"}]}").withHeader("Retry-After", "7"));
        assertThatThrownBy(() -> client.submitSampler("ibm_x", "q", 10, "k")).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("POST /jobs").contains("429");
        });
    }

    @Test
    void serverErrorsAreRetryableAndBadRequestsAreNot() {
        server.answer(r -> r.path().startsWith("/identity") ? token() : Reply.json(503, "{\"message\":\"maintenance\"}"));
        assertThatThrownBy(() -> client.status("j")).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.retryable()).isTrue());
        server.answer(r -> r.path().startsWith("/identity") ? token() : Reply.json(400, "{\"message\":\"bad pub\"}"));
        assertThatThrownBy(() -> client.submitSampler("b", "q", 1, "k")).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.REJECTED);
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains("bad pub");
        });
    }

    @Test
    void noAnswerInTimeIsATimeout() {
        server.answer(r -> Reply.ok("{}").after(5_000));
        assertThatThrownBy(() -> client(Duration.ofMillis(300)).status("j")).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT));
    }

    @Test
    void aSubmissionThatTimedOutCanBeFoundByItsIdempotencyKey() {
        server.answer(r -> r.path().startsWith("/identity") ? token()
                : r.path().contains("tags=qubench-key%3Ak-9") ? Reply.ok("{\"jobs\":[{\"id\":\"job-found\"}],\"count\":1}")
                : Reply.ok("{\"jobs\":[],\"count\":0}"));
        assertThat(client.findJobByKey("k-9")).contains("job-found");
        assertThat(client.findJobByKey("other")).isEmpty();
    }

    @Test
    void failedJobsReportTheirReason() {
        server.answer(r -> r.path().startsWith("/identity") ? token()
                : Reply.ok("{\"state\":{\"status\":\"Cancelled - Ran too long\",\"reason\":\"max time\",\"reason_code\":1305}}"));
        IbmJobStatus status = client.status("j");
        assertThat(status.state()).isEqualTo(IbmJobStatus.State.CANCELLED);
        assertThat(status.reasonCode()).isEqualTo(1305);
        assertThat(status.terminal()).isTrue();
    }

    @Test
    void resultsBecomeCountsInQiskitBitOrderAcrossRegisters() {
        // c0 has 2 bits, c1 has 1; shot samples are hex with bit k = register bit k.
        server.answer(r -> r.path().startsWith("/identity") ? token() : Reply.ok("""
                {"results":[{"data":{
                  "c0":{"samples":["0x1","0x1","0x2","0x0"],"num_bits":2},
                  "c1":{"samples":["0x1","0x1","0x0","0x0"],"num_bits":1}}}]}"""));
        assertThat(client.counts("j", List.of("c0", "c1"))).containsExactly(
                java.util.Map.entry("0 00", 1), java.util.Map.entry("0 10", 1), java.util.Map.entry("1 01", 2));
    }

    @Test
    void resultsWithAMissingRegisterOrBadSampleNameWhatIsWrong() {
        server.answer(r -> r.path().startsWith("/identity") ? token()
                : Reply.ok("{\"results\":[{\"data\":{\"c\":{\"samples\":[\"0xZ\"],\"num_bits\":1}}}]}"));
        assertThatThrownBy(() -> client.counts("j", List.of("meas"))).isInstanceOf(ProviderException.class)
                .hasMessageContaining("\"meas\"");
        assertThatThrownBy(() -> client.counts("j", List.of("c"))).isInstanceOf(ProviderException.class)
                .hasMessageContaining("not hexadecimal");
    }

    @Test
    void cancelPostsToTheJobsCancelEndpoint() {
        server.answer(r -> r.path().startsWith("/identity") ? token() : Reply.json(204, ""));
        client.cancel("job-7");
        assertThat(server.requests("POST", "/api/v1/jobs/job-7/cancel")).hasSize(1);
    }

    @Test
    void backendStatusReadsQueueLengthClampedAtZero() {
        server.answer(r -> r.path().startsWith("/identity") ? token()
                : Reply.ok("{\"state\":true,\"status\":\"active\",\"length_queue\":-3}"));
        IbmQuantumClient.BackendStatus status = client.backendStatus("ibm_kingston");
        assertThat(status.operational()).isTrue();
        assertThat(status.pendingJobs()).isZero();
    }

    private IbmQuantumClient client(Duration timeout) {
        return new IbmQuantumClient(new IbmEndpoints(server.uri("/identity/token"), server.uri("/api/v1"), IbmEndpoints.API_VERSION),
                () -> KEY, "crn:v1:test", HttpClient.newHttpClient(), timeout, clock);
    }

    private Reply token() {
        return Reply.ok(TOKEN_REPLY.formatted(tokensIssued.incrementAndGet()));
    }

    private static StubProviderServer newServer() {
        try {
            return new StubProviderServer();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
