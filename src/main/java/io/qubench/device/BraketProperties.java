package io.qubench.device;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads Amazon Braket's device properties into the {@link Device} model. Accepted: the whole
 * GetDevice reply ({@code deviceName}, {@code deviceArn}, {@code deviceCapabilities} as a JSON
 * string or object), the device capabilities alone ({@code service}, {@code paradigm},
 * {@code standardized}), or the {@code standardized} properties alone
 * ({@code braket.device_schema.standardized_gate_model_qpu_device_properties}).
 *
 * <p>Mapping. Standardized version 2 gives per qubit {@code T1}/{@code T2} ({@code {value, unit}},
 * converted to seconds) and {@code oneQubitFidelity}: {@code READOUT} becomes a symmetric readout
 * error 1 − F, randomized benchmarking (plain, else simultaneous) the error 1 − F of {@code sx},
 * which the noise model uses for every one-qubit gate; per pair {@code "a-b"}
 * {@code twoQubitGateFidelity} becomes a gate error 1 − F of the named gate (see
 * {@link ProviderGateNames}) on {@code direction} control→target, else on a→b. Version 3's
 * device-wide {@code T1}, {@code T2}, {@code readoutFidelity}, {@code singleQubitFidelity},
 * {@code twoQubitGateFidelity} and durations fill what the qubits do not give. The coupling map
 * is the paradigm's {@code connectivity} (every pair both ways when {@code fullyConnected}),
 * else the calibrated pairs, each both ways; the basis is {@code nativeGateSet} renamed; qubit
 * labels numbered from 1 (as IQM's) are shifted to start at 0. The snapshot time is
 * {@code updatedAt} of the standardized properties or of {@code service}, else the file's time.
 */
final class BraketProperties {

    static final String STANDARDIZED = "braket.device_schema.standardized_gate_model_qpu_device_properties";

    private BraketProperties() {
    }

    /** Whether {@code root} looks like one of Braket's three accepted shapes. */
    static boolean recognises(JsonNode root) {
        return root.has("deviceCapabilities") || root.has("standardized") || root.has("oneQubitProperties")
                || root.path("braketSchemaHeader").path("name").asText("").startsWith("braket.device_schema");
    }

    static Device read(JsonNode root, String source, String fallbackName, OffsetDateTime fileTime) {
        JsonFields f = new JsonFields(source);
        String name = fallbackName;
        String backend = fallbackName;
        JsonNode caps = root;
        if (root.has("deviceCapabilities")) {
            name = f.text(root, "deviceName", "deviceName");
            backend = root.path("deviceArn").asText(name);
            JsonNode c = root.get("deviceCapabilities");
            caps = c.isTextual() ? JsonFields.parseObject(c.asText(), source + " (deviceCapabilities)") : f.object(root,
                    "deviceCapabilities", "deviceCapabilities");
        }
        JsonNode std;
        String stdPath;
        if (caps.has("standardized")) {
            std = f.object(caps, "standardized", "standardized");
            stdPath = "standardized.";
        } else if (caps.has("oneQubitProperties") || caps.path("braketSchemaHeader").path("name").asText("").equals(STANDARDIZED)) {
            std = caps;
            stdPath = "";
        } else {
            throw f.error("is Braket device capabilities without 'standardized' calibration properties (is it a simulator or "
                    + "an analog device?)");
        }
        JsonNode paradigm = caps.has("paradigm") ? f.object(caps, "paradigm", "paradigm") : null;
        JsonNode service = caps.path("service");
        return new Reader(f, std, stdPath, paradigm).device(name, backend, maxShots(f, service), timestamp(f, std, stdPath,
                service, fileTime));
    }

    private static int maxShots(JsonFields f, JsonNode service) {
        if (!service.has("shotsRange")) {
            return IbmSnapshot.DEFAULT_MAX_SHOTS;
        }
        JsonNode range = f.array(service, "shotsRange", "service.shotsRange");
        if (range.size() != 2 || !range.get(1).isIntegralNumber()) {
            throw f.error("service.shotsRange must be [minimum, maximum] whole numbers, found " + range);
        }
        return range.get(1).asInt();
    }

    private static OffsetDateTime timestamp(JsonFields f, JsonNode std, String stdPath, JsonNode service, OffsetDateTime fileTime) {
        if (std.hasNonNull("updatedAt")) {
            return date(f, f.text(std, "updatedAt", stdPath + "updatedAt"), stdPath + "updatedAt");
        }
        if (service.hasNonNull("updatedAt")) {
            return date(f, f.text(service, "updatedAt", "service.updatedAt"), "service.updatedAt");
        }
        return fileTime;
    }

    private static OffsetDateTime date(JsonFields f, String text, String path) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw f.error(path + " '" + text + "' is not an ISO date-time with offset");
        }
    }

    /** One file's standardized properties and paradigm, read into qubits, gates and edges. */
    private static final class Reader {

        private final JsonFields f;
        private final JsonNode std;
        private final String stdPath;
        private final JsonNode paradigm;

        Reader(JsonFields f, JsonNode std, String stdPath, JsonNode paradigm) {
            this.f = f;
            this.std = std;
            this.stdPath = stdPath;
            this.paradigm = paradigm;
        }

        Device device(String name, String backend, int maxShots, OffsetDateTime when) {
            JsonNode oneQubit = std.hasNonNull("oneQubitProperties")
                    ? f.object(std, "oneQubitProperties", stdPath + "oneQubitProperties") : JsonFields.emptyObject();
            JsonNode twoQubit = std.hasNonNull("twoQubitProperties")
                    ? f.object(std, "twoQubitProperties", stdPath + "twoQubitProperties") : JsonFields.emptyObject();
            JsonNode connectivity = paradigm == null ? null : f.object(paradigm, "connectivity", "paradigm.connectivity");
            TreeSet<Integer> labels = labels(oneQubit, twoQubit, connectivity);
            int declared = paradigm == null ? -1 : f.wholeNumber(paradigm, "qubitCount", "paradigm.qubitCount");
            int max = labels.isEmpty() ? -1 : labels.last();
            // IQM numbers its qubits 1..n: when 0 is absent and the labels end at n, they are shifted down.
            int shift = !labels.isEmpty() && !labels.contains(0) && max == (declared > 0 ? declared : labels.size()) ? 1 : 0;
            int qubits = declared > 0 ? declared : max + 1 - shift;
            if (qubits < 1) {
                throw f.error("names no qubits: " + stdPath + "oneQubitProperties is empty and there is no paradigm.qubitCount");
            }
            if (max - shift >= qubits) {
                throw f.error("names qubit " + max + ", outside paradigm.qubitCount " + declared);
            }
            List<QubitCalibration> qs = new ArrayList<>(qubits);
            List<GateCalibration> gates = new ArrayList<>();
            oneQubitCalibrations(oneQubit, qubits, shift, qs, gates);
            List<String> basis = new ArrayList<>();
            if (paradigm != null) {
                f.texts(paradigm, "nativeGateSet", "paradigm.nativeGateSet").forEach(g -> basis.add(ProviderGateNames.toQubench(g)));
            }
            double length2q = duration(std, "twoQubitGateDuration", stdPath + "twoQubitGateDuration");
            Set<Device.Edge> edges = new LinkedHashSet<>();
            for (Map.Entry<String, JsonNode> e : twoQubit.properties()) {
                twoQubitGates(e.getKey(), e.getValue(), shift, length2q, gates, basis, edges);
            }
            if (connectivity != null) {
                edges.clear();
                edges.addAll(coupling(connectivity, qubits, shift));
            }
            deviceWideTwoQubitError(basis, edges, length2q, gates);
            return new Device(name, backend, qubits, basis, List.copyOf(edges), maxShots, new Calibration(name, when, qs, gates));
        }

        /** Every qubit label the file uses, checked to be a number. */
        private TreeSet<Integer> labels(JsonNode oneQubit, JsonNode twoQubit, JsonNode connectivity) {
            TreeSet<Integer> labels = new TreeSet<>();
            oneQubit.properties().forEach(e -> labels.add(label(e.getKey(), stdPath + "oneQubitProperties")));
            twoQubit.properties().forEach(e -> labels.addAll(pair(e.getKey(), stdPath + "twoQubitProperties")));
            if (connectivity != null && connectivity.hasNonNull("connectivityGraph")) {
                String path = "paradigm.connectivity.connectivityGraph";
                JsonNode graph = f.object(connectivity, "connectivityGraph", path);
                for (Map.Entry<String, JsonNode> e : graph.properties()) {
                    labels.add(label(e.getKey(), path));
                    f.texts(graph, e.getKey(), path + "." + e.getKey()).forEach(t -> labels.add(label(t, path + "." + e.getKey())));
                }
            }
            return labels;
        }

        /** T1, T2 and readout per qubit, and the one-qubit gate error as {@code sx}; device-wide figures fill gaps. */
        private void oneQubitCalibrations(JsonNode oneQubit, int qubits, int shift, List<QubitCalibration> qs,
                List<GateCalibration> gates) {
            double wideT1 = duration(std, "T1", stdPath + "T1");
            double wideT2 = duration(std, "T2", stdPath + "T2");
            double wideReadout = firstError(std, "readoutFidelity", stdPath + "readoutFidelity");
            double wide1q = firstError(std, "singleQubitFidelity", stdPath + "singleQubitFidelity");
            double readoutLength = duration(std, "readoutDuration", stdPath + "readoutDuration");
            double length1q = duration(std, "singleQubitGateDuration", stdPath + "singleQubitGateDuration");
            Map<Integer, JsonNode> byQubit = new TreeMap<>();
            oneQubit.properties().forEach(e -> byQubit.put(label(e.getKey(), "") - shift, e.getValue()));
            for (int q = 0; q < qubits; q++) {
                JsonNode props = byQubit.get(q);
                String path = stdPath + "oneQubitProperties." + (q + shift);
                if (props != null && !props.isObject()) {
                    throw f.wrongType(path, "an object", props);
                }
                double t1 = props == null ? wideT1 : orElse(duration(props, "T1", path + ".T1"), wideT1);
                double t2 = props == null ? wideT2 : orElse(duration(props, "T2", path + ".T2"), wideT2);
                double readout = wideReadout;
                double gate = wide1q;
                if (props != null && props.hasNonNull("oneQubitFidelity")) {
                    Map<String, Double> byType = fidelities(props, path);
                    readout = orElse(byType.getOrDefault("READOUT", Double.NaN), wideReadout);
                    gate = orElse(byType.getOrDefault("RANDOMIZED_BENCHMARKING",
                            byType.getOrDefault("SIMULTANEOUS_RANDOMIZED_BENCHMARKING", byType.getOrDefault("", Double.NaN))), wide1q);
                }
                qs.add(new QubitCalibration(t1, t2, readout, readout, readoutLength));
                if (Double.isFinite(gate)) {
                    gates.add(new GateCalibration("sx", List.of(q), gate, length1q));
                }
            }
        }

        /** The paradigm's coupling: every ordered pair when fully connected, else the graph's pairs both ways. */
        private Set<Device.Edge> coupling(JsonNode connectivity, int qubits, int shift) {
            Set<Device.Edge> edges = new LinkedHashSet<>();
            if (f.optionalBoolean(connectivity, "fullyConnected", "paradigm.connectivity.fullyConnected")) {
                for (int a = 0; a < qubits; a++) {
                    for (int b = 0; b < qubits; b++) {
                        if (a != b) {
                            edges.add(new Device.Edge(a, b));
                        }
                    }
                }
            } else if (connectivity.hasNonNull("connectivityGraph")) {
                for (Map.Entry<String, JsonNode> e : connectivity.get("connectivityGraph").properties()) {
                    int a = label(e.getKey(), "") - shift;
                    for (JsonNode t : e.getValue()) {
                        int b = label(t.asText(), "") - shift;
                        edges.add(new Device.Edge(a, b));
                        edges.add(new Device.Edge(b, a));
                    }
                }
            }
            return edges;
        }

        /** Version 3 gives one two-qubit fidelity for the device: every edge's native gate gets it. */
        private void deviceWideTwoQubitError(List<String> basis, Set<Device.Edge> edges, double length, List<GateCalibration> gates) {
            double error = firstError(std, "twoQubitGateFidelity", stdPath + "twoQubitGateFidelity");
            if (!Double.isFinite(error) || gates.stream().anyMatch(g -> g.qubits().size() == 2)) {
                return;
            }
            String gate = Device.twoQubitGateOf(basis);
            Set<List<Integer>> pairs = new LinkedHashSet<>();
            edges.forEach(e -> pairs.add(List.of(Math.min(e.control(), e.target()), Math.max(e.control(), e.target()))));
            pairs.forEach(p -> gates.add(new GateCalibration(gate, p, error, length)));
        }

        private void twoQubitGates(String key, JsonNode props, int shift, double length, List<GateCalibration> gates,
                List<String> basis, Set<Device.Edge> edges) {
            String path = stdPath + "twoQubitProperties." + key;
            List<Integer> pair = pair(key, path);
            if (!props.isObject()) {
                throw f.wrongType(path, "an object", props);
            }
            JsonNode list = f.array(props, "twoQubitGateFidelity", path + ".twoQubitGateFidelity");
            for (int i = 0; i < list.size(); i++) {
                JsonNode g = list.get(i);
                String at = path + ".twoQubitGateFidelity[" + i + "]";
                String gate = ProviderGateNames.toQubench(f.text(g, "gateName", at + ".gateName"));
                double error = f.errorFromFidelity(g, "fidelity", at + ".fidelity");
                int a = pair.get(0);
                int b = pair.get(1);
                if (g.hasNonNull("direction")) {
                    JsonNode d = f.object(g, "direction", at + ".direction");
                    a = f.wholeNumber(d, "control", at + ".direction.control");
                    b = f.wholeNumber(d, "target", at + ".direction.target");
                }
                if (!pair.contains(a) || !pair.contains(b) || a == b) {
                    throw f.error(at + ".direction control " + a + ", target " + b + " is not the pair " + key);
                }
                gates.add(new GateCalibration(gate, List.of(a - shift, b - shift), error, length));
                if (paradigm == null && !basis.contains(gate)) {
                    basis.add(gate);
                }
                edges.add(new Device.Edge(a - shift, b - shift));
                edges.add(new Device.Edge(b - shift, a - shift));
            }
        }

        /** fidelityType.name → error 1 − F of a qubit's {@code oneQubitFidelity}; a missing type is "". */
        private Map<String, Double> fidelities(JsonNode props, String path) {
            Map<String, Double> out = new TreeMap<>();
            JsonNode list = f.array(props, "oneQubitFidelity", path + ".oneQubitFidelity");
            for (int i = 0; i < list.size(); i++) {
                String at = path + ".oneQubitFidelity[" + i + "]";
                JsonNode item = list.get(i);
                String type = item.hasNonNull("fidelityType") ? f.text(f.object(item, "fidelityType", at + ".fidelityType"), "name",
                        at + ".fidelityType.name") : "";
                out.putIfAbsent(type, f.errorFromFidelity(item, "fidelity", at + ".fidelity"));
            }
            return out;
        }

        private double firstError(JsonNode node, String field, String path) {
            if (!node.hasNonNull(field)) {
                return Double.NaN;
            }
            JsonNode list = f.array(node, field, path);
            return list.isEmpty() ? Double.NaN : f.errorFromFidelity(list.get(0), "fidelity", path + "[0].fidelity");
        }

        /** A {value, unit} duration in seconds; NaN when the field is absent. */
        private double duration(JsonNode node, String field, String path) {
            if (!node.hasNonNull(field)) {
                return Double.NaN;
            }
            JsonNode d = f.object(node, field, path);
            return f.number(d, "value", path + ".value") * f.secondsPer(f.text(d, "unit", path + ".unit"), path + ".unit");
        }

        private int label(String text, String path) {
            try {
                int q = Integer.parseInt(text.trim());
                if (q >= 0) {
                    return q;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw f.error(path + " has qubit label '" + text + "', not a qubit number");
        }

        private List<Integer> pair(String key, String path) {
            String[] parts = key.split("-");
            if (parts.length != 2) {
                throw f.error(path + " has key '" + key + "', not a qubit pair like \"0-1\"");
            }
            return List.of(label(parts[0], path), label(parts[1], path));
        }

        private static double orElse(double value, double fallback) {
            return Double.isFinite(value) ? value : fallback;
        }
    }
}
