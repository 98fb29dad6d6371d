package io.qubench.job;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.qubench.circuit.UserInputException;

/**
 * The saved budgets: {@code budgets.json} in the data directory, as
 * {@code {"budgets":[{"provider":"ibm","period":"month","limitUsd":50.0,"shots":100000}]}}
 * (a budget without {@code limitUsd} or {@code shots} leaves that one open). A file that does
 * not read is refused naming the file and field, and left as it is.
 */
public final class BudgetFile {

    public static final String FILE_NAME = "budgets.json";
    /** The providers a budget can name; {@code *} covers all of them and the local backends together. */
    public static final List<String> PROVIDERS = List.of("ibm", "ionq", "braket", "*");

    private final Path file;

    public BudgetFile(Path dataDirectory) {
        this.file = dataDirectory.resolve(FILE_NAME);
    }

    public Path path() {
        return file;
    }

    /** The saved budgets; none when there is no file yet. */
    public Budgets load() {
        if (!Files.exists(file)) {
            return Budgets.NONE;
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JacksonException e) {
            throw new UserInputException(file + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject() || !root.path("budgets").isArray()) {
            throw new UserInputException(file + ": \"budgets\" must be a list of budgets");
        }
        List<Budget> read = new ArrayList<>();
        JsonNode list = root.get("budgets");
        for (int i = 0; i < list.size(); i++) {
            Budget b = budget(list.get(i), "budgets[" + i + "]");
            if (read.stream().anyMatch(o -> o.provider().equals(b.provider()) && o.period() == b.period())) {
                throw new UserInputException(file + ": budgets[" + i + "]: a second " + b.period().adjective() + " budget for "
                        + b.provider());
            }
            read.add(b);
        }
        return new Budgets(read);
    }

    private Budget budget(JsonNode n, String where) {
        if (!n.isObject()) {
            throw refused(where, "must be an object");
        }
        String provider = n.path("provider").asText("");
        if (!n.path("provider").isTextual() || !PROVIDERS.contains(provider)) {
            throw refused(where + ".provider", "must be one of " + String.join(", ", PROVIDERS) + ", not " + n.path("provider"));
        }
        BudgetPeriod period = period(n.path("period").isTextual() ? n.path("period").asText() : null);
        if (period == null) {
            throw refused(where + ".period", "must be day, week or month, not " + n.path("period"));
        }
        double limit = Budget.NO_LIMIT;
        if (n.has("limitUsd")) {
            JsonNode v = n.get("limitUsd");
            if (!v.isNumber() || !(v.asDouble() >= 0) || Double.isInfinite(v.asDouble())) {
                throw refused(where + ".limitUsd", "must be a number of US dollars, 0 or more, not " + v);
            }
            limit = v.asDouble();
        }
        long shots = Budget.NO_QUOTA;
        if (n.has("shots")) {
            JsonNode v = n.get("shots");
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
                throw refused(where + ".shots", "must be a whole number of shots, 0 or more, not " + v);
            }
            shots = v.asLong();
        }
        if (limit == Budget.NO_LIMIT && shots == Budget.NO_QUOTA) {
            throw refused(where, "needs \"limitUsd\", \"shots\" or both");
        }
        return new Budget(provider, period, limit, shots);
    }

    private UserInputException refused(String field, String why) {
        return new UserInputException(file + ": " + field + " " + why);
    }

    /** {@code day}, {@code week} or {@code month} (any case); null for anything else. */
    public static BudgetPeriod period(String name) {
        if (name == null) {
            return null;
        }
        for (BudgetPeriod p : BudgetPeriod.values()) {
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        return null;
    }

    /** Writes {@code budgets} through a temporary file, so a crash mid-write keeps the old file whole. */
    public void save(Budgets budgets) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Budget b : budgets.all()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("provider", b.provider());
            row.put("period", b.period().name().toLowerCase(Locale.ROOT));
            if (b.limitUsd() != Budget.NO_LIMIT) {
                row.put("limitUsd", b.limitUsd());
            }
            if (b.shotQuota() != Budget.NO_QUOTA) {
                row.put("shots", b.shotQuota());
            }
            rows.add(row);
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(temporary.toFile(), Map.of("budgets", rows));
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot be written: " + e.getMessage());
        }
    }
}
