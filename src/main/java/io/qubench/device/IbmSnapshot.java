package io.qubench.device;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads IBM's {@code conf_<device>.json} (qubits, basis gates, directed coupling map, limits)
 * and {@code props_<device>.json} (T1, T2, readout and gate errors and lengths, with dates),
 * the format of qiskit-ibm-runtime's fake backends and of the Qiskit Runtime REST API.
 */
public final class IbmSnapshot {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Instructions in a props file that are not gates of the basis. */
    private static final Set<String> NOT_GATES = Set.of("measure", "measure_2", "reset", "delay");
    /** IBM's usual {@code max_shots}, for configurations that do not say. */
    static final int DEFAULT_MAX_SHOTS = 100_000;

    private IbmSnapshot() {
    }

    public static Device read(String name, InputStream conf, String confSource, InputStream props, String propsSource) {
        return fromJson(name, parse(conf, confSource), confSource, parse(props, propsSource), propsSource);
    }

    static Device fromJson(String name, JsonNode c, String confSource, JsonNode p, String propsSource) {
        int qubits = requireInt(c, "n_qubits", confSource);
        List<String> basis = new ArrayList<>();
        requireArray(c, "basis_gates", confSource).forEach(g -> basis.add(g.asText()));
        List<Device.Edge> edges = new ArrayList<>();
        JsonNode map = c.path("coupling_map");
        if (map.isArray()) {
            for (JsonNode e : map) {
                if (!e.isArray() || e.size() != 2) {
                    throw new DeviceFormatException(confSource, "coupling_map entry " + e + " is not a pair of qubits");
                }
                edges.add(new Device.Edge(e.get(0).asInt(), e.get(1).asInt()));
            }
        }
        int maxShots = c.path("max_shots").asInt(DEFAULT_MAX_SHOTS);
        return new Device(name, c.path("backend_name").asText(name), qubits, basis, edges, maxShots,
                calibration(p, propsSource, qubits));
    }

    /**
     * A device from a props file alone: qubits from its qubit list, basis gates from the gates it
     * calibrates (less measure, reset and delay), the coupling map from its two-qubit gates.
     */
    static Device fromProps(String name, JsonNode p, String source) {
        int qubits = requireArray(p, "qubits", source).size();
        Calibration calibration = calibration(p, source, qubits);
        Set<String> basis = new LinkedHashSet<>();
        Set<Device.Edge> edges = new LinkedHashSet<>();
        for (GateCalibration g : calibration.gates()) {
            if (!NOT_GATES.contains(g.gate())) {
                basis.add(g.gate());
            }
            if (g.qubits().size() == 2) {
                edges.add(new Device.Edge(g.qubits().get(0), g.qubits().get(1)));
            }
        }
        return new Device(name, p.path("backend_name").asText(name), qubits, List.copyOf(basis), List.copyOf(edges),
                DEFAULT_MAX_SHOTS, calibration);
    }

    static Calibration calibration(JsonNode p, String source, int qubits) {
        String device = p.path("backend_name").asText("?");
        OffsetDateTime when = date(p.path("last_update_date").asText(null), source);
        JsonNode qubitList = requireArray(p, "qubits", source);
        if (qubitList.size() != qubits) {
            throw new DeviceFormatException(source, "has " + qubitList.size() + " qubits but the configuration has " + qubits);
        }
        List<QubitCalibration> qs = new ArrayList<>(qubits);
        for (JsonNode q : qubitList) {
            Map<String, Double> v = values(q, source);
            double symmetric = v.getOrDefault("readout_error", Double.NaN);
            qs.add(new QubitCalibration(v.getOrDefault("T1", Double.NaN), v.getOrDefault("T2", Double.NaN),
                    v.getOrDefault("prob_meas1_prep0", symmetric), v.getOrDefault("prob_meas0_prep1", symmetric),
                    v.getOrDefault("readout_length", Double.NaN)));
        }
        List<GateCalibration> gates = new ArrayList<>();
        for (JsonNode g : requireArray(p, "gates", source)) {
            List<Integer> on = new ArrayList<>();
            g.path("qubits").forEach(x -> on.add(x.asInt()));
            Map<String, Double> v = values(g.path("parameters"), source);
            gates.add(new GateCalibration(g.path("gate").asText("?"), on, v.getOrDefault("gate_error", Double.NaN),
                    v.getOrDefault("gate_length", Double.NaN)));
        }
        return new Calibration(device, when, qs, gates);
    }

    /** name → value of a list of {name, unit, value}, converted to seconds where the unit is a time. */
    private static Map<String, Double> values(JsonNode list, String source) {
        Map<String, Double> out = new HashMap<>();
        if (!list.isArray()) {
            throw new DeviceFormatException(source, "expected a list of {name, unit, value}, found " + list.getNodeType());
        }
        for (JsonNode item : list) {
            JsonNode value = item.path("value");
            if (value.isMissingNode() || value.isNull()) {
                continue;
            }
            if (!value.isNumber()) {
                throw new DeviceFormatException(source, "the value of '" + item.path("name").asText("?") + "' must be a number, found "
                        + JsonFields.kind(value) + " " + value);
            }
            out.put(item.path("name").asText(), value.asDouble() * seconds(item.path("unit").asText("")));
        }
        return out;
    }

    private static double seconds(String unit) {
        return switch (unit) {
            case "s" -> 1;
            case "ms" -> 1e-3;
            case "us", "µs" -> 1e-6;
            case "ns" -> 1e-9;
            case "dt" -> Double.NaN;
            default -> 1;
        };
    }

    private static OffsetDateTime date(String text, String source) {
        if (text == null) {
            throw new DeviceFormatException(source, "has no last_update_date");
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new DeviceFormatException(source, "last_update_date '" + text + "' is not an ISO date with offset");
        }
    }

    private static JsonNode parse(InputStream in, String source) {
        try (in) {
            JsonNode node = JSON.readTree(in);
            if (node == null || !node.isObject()) {
                throw new DeviceFormatException(source, "is not a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DeviceFormatException(source, "is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new DeviceFormatException(source, "cannot be read: " + e.getMessage());
        }
    }

    private static int requireInt(JsonNode node, String field, String source) {
        JsonNode v = node.path(field);
        if (!v.isInt()) {
            throw new DeviceFormatException(source, "has no whole-number field '" + field + "': not an IBM configuration file");
        }
        return v.asInt();
    }

    private static JsonNode requireArray(JsonNode node, String field, String source) {
        JsonNode v = node.path(field);
        if (!v.isArray()) {
            throw new DeviceFormatException(source, "has no list '" + field + "': not an IBM " + (field.equals("basis_gates")
                    ? "configuration" : "properties") + " file");
        }
        return v;
    }
}
