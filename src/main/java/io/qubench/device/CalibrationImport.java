package io.qubench.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Imports a user's own calibration snapshot into the {@link Device} model, whatever provider it
 * came from: the format is told from the file's content, not its name.
 *
 * <ul>
 * <li>IBM {@code props_<device>.json} (the REST API's {@code /backends/{name}/properties}): with
 * its {@code conf_<device>.json} when one lies beside it, otherwise alone, the device then
 * taken from the calibrated gates. An IBM configuration file is accepted when its props file
 * lies beside it.</li>
 * <li>Amazon Braket device properties: see {@link BraketProperties}.</li>
 * <li>An IonQ characterization: see {@link IonqCharacterization}.</li>
 * </ul>
 * Anything else, or a field missing or of the wrong type, is a {@link DeviceFormatException}
 * naming the file and the field.
 */
public final class CalibrationImport {

    /** The formats told apart. */
    public enum Format {
        IBM("IBM properties"), IBM_WITH_CONFIGURATION("IBM properties and configuration"), BRAKET("Amazon Braket device properties"),
        IONQ("IonQ characterization");

        private final String description;

        Format(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** A device imported from a file, with the format it was read as. */
    public record Imported(Device device, Format format) {
    }

    private CalibrationImport() {
    }

    /** The device in {@code file}. */
    public static Device read(Path file) {
        return importFile(file).device();
    }

    public static Imported importFile(Path file) {
        JsonNode root = JsonFields.readObject(file);
        String source = file.toString();
        if (isIbmProps(root)) {
            Path conf = sibling(file, "props_", "conf_");
            if (conf != null && Files.isRegularFile(conf)) {
                return readIbm(file, conf);
            }
            return new Imported(IbmSnapshot.fromProps(ibmName(file, "props_", root), root, source), Format.IBM);
        }
        if (isIbmConf(root)) {
            Path props = sibling(file, "conf_", "props_");
            if (props != null && Files.isRegularFile(props)) {
                return readIbm(props, file);
            }
            throw new DeviceFormatException(source, "is an IBM configuration file, which has no calibration: import its props_"
                    + "<device>.json (with this file beside it)");
        }
        if (BraketProperties.recognises(root)) {
            return new Imported(BraketProperties.read(root, source, stem(file), modified(file)), Format.BRAKET);
        }
        if (IonqCharacterization.recognises(root)) {
            return new Imported(IonqCharacterization.read(root, source, stem(file), modified(file)), Format.IONQ);
        }
        throw new DeviceFormatException(source, "is not a calibration snapshot Qubench knows. Expected IBM properties "
                + "(backend_name, qubits, gates), Amazon Braket device properties (standardized or oneQubitProperties) or an "
                + "IonQ characterization (qubits, fidelity, timing); found the fields " + fieldNames(root));
    }

    /** An IBM props file with the configuration file that goes with it. */
    public static Imported readIbm(Path props, Path conf) {
        JsonNode p = JsonFields.readObject(props);
        JsonNode c = JsonFields.readObject(conf);
        if (!isIbmProps(p)) {
            throw new DeviceFormatException(props.toString(), "is not an IBM properties file: it needs the lists 'qubits' and "
                    + "'gates'; found the fields " + fieldNames(p));
        }
        return new Imported(IbmSnapshot.fromJson(ibmName(props, "props_", p), c, conf.toString(), p, props.toString()),
                Format.IBM_WITH_CONFIGURATION);
    }

    private static boolean isIbmProps(JsonNode root) {
        return root.has("qubits") && root.has("gates") && (root.has("last_update_date") || root.has("backend_name"));
    }

    private static boolean isIbmConf(JsonNode root) {
        return root.has("n_qubits") && root.has("basis_gates");
    }

    /** props_x.json ↔ conf_x.json in the same folder; null when the name does not follow the pattern. */
    private static Path sibling(Path file, String prefix, String otherPrefix) {
        String name = file.getFileName().toString();
        return name.startsWith(prefix) ? file.resolveSibling(otherPrefix + name.substring(prefix.length())) : null;
    }

    /** nairobi for props_nairobi.json, else the backend's name. */
    private static String ibmName(Path file, String prefix, JsonNode props) {
        String stem = stem(file);
        return stem.startsWith(prefix) && stem.length() > prefix.length() ? stem.substring(prefix.length())
                : props.path("backend_name").asText(stem);
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** When the file was saved: the snapshot time of formats that carry none. */
    private static OffsetDateTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant().atOffset(ZoneOffset.UTC);
        } catch (IOException e) {
            throw new DeviceFormatException(file.toString(), "cannot be read: " + e.getMessage());
        }
    }

    private static String fieldNames(JsonNode root) {
        List<String> names = root.properties().stream().limit(8).map(java.util.Map.Entry::getKey).toList();
        String shown = names.isEmpty() ? "(none)" : names.stream().collect(Collectors.joining(", "));
        return root.size() > names.size() ? shown + ", …" : shown;
    }
}
