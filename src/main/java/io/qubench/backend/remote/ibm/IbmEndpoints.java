package io.qubench.backend.remote.ibm;

import java.net.URI;

/**
 * Where IBM Quantum's services are: the IAM token service, the Qiskit Runtime REST API, and
 * the API version every call states. Tests point both at a stub server on loopback.
 */
public record IbmEndpoints(URI iamToken, URI api, String apiVersion) {

    /** The API version the Python client pins (PROVIDERS.md §1). */
    public static final String API_VERSION = "2026-04-15";

    public static IbmEndpoints usEast() {
        return new IbmEndpoints(URI.create("https://iam.cloud.ibm.com/identity/token"),
                URI.create("https://quantum.cloud.ibm.com/api/v1/"), API_VERSION);
    }

    public static IbmEndpoints euDe() {
        return new IbmEndpoints(URI.create("https://iam.cloud.ibm.com/identity/token"),
                URI.create("https://eu-de.quantum.cloud.ibm.com/api/v1/"), API_VERSION);
    }

    public IbmEndpoints {
        String base = api.toString();
        api = base.endsWith("/") ? api : URI.create(base + "/");
    }

    URI resolve(String path) {
        return api.resolve(path.startsWith("/") ? path.substring(1) : path);
    }
}
