package io.qubench.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Typed reads from a provider's JSON, each failure a {@link DeviceFormatException} naming the
 * file, the field's path (e.g. {@code oneQubitProperties.3.T1.value}) and what was found.
 */
final class JsonFields {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String source;

    JsonFields(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    DeviceFormatException error(String problem) {
        return new DeviceFormatException(source, problem);
    }

    /** The file as a JSON object; empty files, bad JSON and non-objects are errors. */
    static JsonNode readObject(Path file) {
        String source = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new DeviceFormatException(source, "is not a text file (not UTF-8)");
        } catch (IOException e) {
            throw new DeviceFormatException(source, "cannot be read: " + e.getMessage());
        }
        return parseObject(text, source);
    }

    static JsonNode parseObject(String text, String source) {
        if (text.isBlank()) {
            throw new DeviceFormatException(source, "is empty");
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new DeviceFormatException(source, "is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new DeviceFormatException(source, "is JSON but not an object ({…}); found " + kind(node));
        }
        return node;
    }

    JsonNode object(JsonNode parent, String field, String path) {
        JsonNode v = present(parent, field, path);
        if (!v.isObject()) {
            throw wrongType(path, "an object", v);
        }
        return v;
    }

    JsonNode array(JsonNode parent, String field, String path) {
        JsonNode v = present(parent, field, path);
        if (!v.isArray()) {
            throw wrongType(path, "a list", v);
        }
        return v;
    }

    double number(JsonNode parent, String field, String path) {
        JsonNode v = present(parent, field, path);
        if (!v.isNumber()) {
            throw wrongType(path, "a number", v);
        }
        return v.asDouble();
    }

    /** A number if the field is there (and not null), else NaN; a value of another type is an error. */
    double optionalNumber(JsonNode parent, String field, String path) {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            return Double.NaN;
        }
        if (!v.isNumber()) {
            throw wrongType(path, "a number", v);
        }
        return v.asDouble();
    }

    /** A boolean if the field is there, else false; a value of another type is an error. */
    boolean optionalBoolean(JsonNode parent, String field, String path) {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw wrongType(path, "true or false", v);
        }
        return v.asBoolean();
    }

    static JsonNode emptyObject() {
        return JSON.createObjectNode();
    }

    static JsonNode emptyArray() {
        return JSON.createArrayNode();
    }

    int wholeNumber(JsonNode parent, String field, String path) {
        JsonNode v = present(parent, field, path);
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw wrongType(path, "a whole number", v);
        }
        return v.asInt();
    }

    String text(JsonNode parent, String field, String path) {
        JsonNode v = present(parent, field, path);
        if (!v.isTextual()) {
            throw wrongType(path, "text", v);
        }
        return v.asText();
    }

    /** A fidelity (0…1) converted to an error probability 1 − fidelity. */
    double errorFromFidelity(JsonNode parent, String field, String path) {
        double f = number(parent, field, path);
        if (f < 0 || f > 1) {
            throw error(path + " is a fidelity and must lie between 0 and 1, not " + f);
        }
        return 1 - f;
    }

    List<String> texts(JsonNode parent, String field, String path) {
        JsonNode list = array(parent, field, path);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isTextual()) {
                throw wrongType(path + "[" + i + "]", "text", list.get(i));
            }
            out.add(list.get(i).asText());
        }
        return out;
    }

    private JsonNode present(JsonNode parent, String field, String path) {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            throw error("has no " + path);
        }
        return v;
    }

    DeviceFormatException wrongType(String path, String expected, JsonNode found) {
        return error(path + " must be " + expected + ", found " + kind(found) + (found != null && found.isValueNode()
                ? " " + abbreviated(found.toString()) : ""));
    }

    static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case STRING -> "text";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String abbreviated(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /** Seconds in one {@code unit} as providers write it (s, ms, us, µs, ns). */
    double secondsPer(String unit, String path) {
        return switch (unit) {
            case "s" -> 1;
            case "ms" -> 1e-3;
            case "us", "µs" -> 1e-6;
            case "ns" -> 1e-9;
            default -> throw error(path + " has unknown time unit '" + unit + "' (expected s, ms, us or ns)");
        };
    }
}
