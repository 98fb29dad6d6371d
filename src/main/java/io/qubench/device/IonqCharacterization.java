package io.qubench.device;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads an IonQ backend characterization ({@code GET /backends/{b}/characterizations/{id}} of API
 * v0.4, or v0.3's {@code /characterizations/…}) into the {@link Device} model.
 *
 * <p>Mapping: {@code fidelity.spam} (its {@code median}, else {@code mean}) becomes every qubit's
 * symmetric readout error 1 − F; {@code fidelity.1q} the error of {@code sx} on every qubit (the
 * noise model uses it for every one-qubit gate); {@code fidelity.2q}, measured on IonQ's native
 * MS gate, the error of {@code cx} on every coupled pair, since IonQ's compiler turns each
 * {@code cnot} into one MS gate and one-qubit rotations. {@code timing} is in seconds:
 * {@code t1}, {@code t2}, {@code 1q}/{@code 2q} gate lengths and {@code readout}. The pairs are
 * {@code connectivity}, each both ways, or every pair (all-to-all) when it is absent or empty.
 * The basis is IonQ's QIS gate set in Qubench's names (IonQ compiles it to its native gates).
 * {@code date} is ISO (v0.4) or Unix seconds (v0.3). The keys of {@code fidelity} and
 * {@code timing} are read case-insensitively ({@code 1Q} as {@code 1q}).
 */
final class IonqCharacterization {

    /** IonQ's QIS gates (h, x, y, z, rx, ry, rz, s, si, t, ti, v, vi, cnot, swap, xx, yy, zz) renamed. */
    static final List<String> QIS_GATES = List.of("x", "y", "z", "h", "s", "sdg", "t", "tdg", "sx", "sxdg", "rx", "ry", "rz", "cx",
            "swap", "rxx", "ryy", "rzz");

    private IonqCharacterization() {
    }

    static boolean recognises(JsonNode root) {
        return root.has("fidelity") && root.has("timing");
    }

    static Device read(JsonNode root, String source, String fallbackName, OffsetDateTime fileTime) {
        JsonFields f = new JsonFields(source);
        int qubits = f.wholeNumber(root, "qubits", "qubits");
        if (qubits < 1) {
            throw f.error("qubits must be at least 1, not " + qubits);
        }
        String backend = root.hasNonNull("backend") ? f.text(root, "backend", "backend")
                : root.hasNonNull("target") ? f.text(root, "target", "target") : fallbackName;
        String name = backend.startsWith("qpu.") ? backend.substring(4) : backend;
        OffsetDateTime when = root.hasNonNull("date") ? date(f, root.get("date")) : fileTime;

        JsonNode fidelity = f.object(root, "fidelity", "fidelity");
        JsonNode timing = f.object(root, "timing", "timing");
        double readout = error(f, fidelity, "spam");
        double oneQubit = error(f, fidelity, "1q");
        double twoQubit = error(f, fidelity, "2q");
        double t1 = seconds(f, timing, "t1");
        double t2 = seconds(f, timing, "t2");
        double length1q = seconds(f, timing, "1q");
        double length2q = seconds(f, timing, "2q");
        double readoutLength = seconds(f, timing, "readout");

        Set<List<Integer>> pairs = pairs(f, root, qubits);
        List<Device.Edge> edges = new ArrayList<>();
        pairs.forEach(p -> {
            edges.add(new Device.Edge(p.get(0), p.get(1)));
            edges.add(new Device.Edge(p.get(1), p.get(0)));
        });
        List<QubitCalibration> qs = new ArrayList<>(qubits);
        List<GateCalibration> gates = new ArrayList<>();
        for (int q = 0; q < qubits; q++) {
            qs.add(new QubitCalibration(t1, t2, readout, readout, readoutLength));
            if (Double.isFinite(oneQubit)) {
                gates.add(new GateCalibration("sx", List.of(q), oneQubit, length1q));
            }
        }
        if (Double.isFinite(twoQubit)) {
            pairs.forEach(p -> gates.add(new GateCalibration("cx", p, twoQubit, length2q)));
        }
        return new Device(name, backend, qubits, QIS_GATES, edges, IbmSnapshot.DEFAULT_MAX_SHOTS,
                new Calibration(backend, when, qs, gates));
    }

    /** Unordered pairs, smaller qubit first: {@code connectivity}, or all of them when it lists none. */
    private static Set<List<Integer>> pairs(JsonFields f, JsonNode root, int qubits) {
        Set<List<Integer>> out = new LinkedHashSet<>();
        JsonNode list = root.hasNonNull("connectivity") ? f.array(root, "connectivity", "connectivity") : JsonFields.emptyArray();
        for (int i = 0; i < list.size(); i++) {
            JsonNode p = list.get(i);
            if (!p.isArray() || p.size() != 2 || !p.get(0).isIntegralNumber() || !p.get(1).isIntegralNumber()) {
                throw f.error("connectivity[" + i + "] must be a pair of qubit numbers, found " + p);
            }
            int a = p.get(0).asInt();
            int b = p.get(1).asInt();
            if (a < 0 || b < 0 || a >= qubits || b >= qubits || a == b) {
                throw f.error("connectivity[" + i + "] " + p + " is not a pair of distinct qubits below " + qubits);
            }
            out.add(List.of(Math.min(a, b), Math.max(a, b)));
        }
        if (out.isEmpty()) {
            for (int a = 0; a < qubits; a++) {
                for (int b = a + 1; b < qubits; b++) {
                    out.add(List.of(a, b));
                }
            }
        }
        return out;
    }

    /** 1 − the fidelity's median (else mean); NaN when the characterization does not give it. */
    private static double error(JsonFields f, JsonNode fidelity, String kind) {
        JsonNode entry = field(fidelity, kind);
        if (entry == null || entry.isNull()) {
            return Double.NaN;
        }
        String path = "fidelity." + kind;
        if (!entry.isObject()) {
            throw f.wrongType(path, "an object {median, stderr}", entry);
        }
        JsonNode median = field(entry, "median");
        String which = median != null && !median.isNull() ? "median" : "mean";
        JsonNode value = field(entry, which);
        if (value == null || value.isNull()) {
            throw f.error("has no " + path + ".median (nor mean)");
        }
        return f.errorFromFidelity(entry, keyOf(entry, which), path + "." + which);
    }

    private static double seconds(JsonFields f, JsonNode timing, String kind) {
        JsonNode v = field(timing, kind);
        return v == null ? Double.NaN : f.optionalNumber(timing, keyOf(timing, kind), "timing." + kind);
    }

    private static OffsetDateTime date(JsonFields f, JsonNode date) {
        if (date.isIntegralNumber()) {
            return Instant.ofEpochSecond(date.asLong()).atOffset(ZoneOffset.UTC);
        }
        if (!date.isTextual()) {
            throw f.wrongType("date", "an ISO date-time or Unix seconds", date);
        }
        try {
            return OffsetDateTime.parse(date.asText());
        } catch (DateTimeParseException e) {
            throw f.error("date '" + date.asText() + "' is not an ISO date-time with offset (e.g. 2025-06-16T00:00:00Z)");
        }
    }

    private static JsonNode field(JsonNode node, String name) {
        String key = keyOf(node, name);
        return key == null ? null : node.get(key);
    }

    private static String keyOf(JsonNode node, String name) {
        for (String k : (Iterable<String>) node::fieldNames) {
            if (k.toLowerCase(Locale.ROOT).equals(name)) {
                return k;
            }
        }
        return null;
    }
}
