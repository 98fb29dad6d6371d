package io.qubench.app.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.qubench.analysis.OutcomeEstimate;
import io.qubench.app.BackgroundRunner;
import io.qubench.sim.SimulationResult;
import javafx.beans.InvalidationListener;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the results panel shows for one simulation: every outcome with its Wilson interval (the
 * table), the top-k outcomes as bars in the chosen order (the chart), the chart's title, and
 * the counts as CSV or JSON for the clipboard or a file.
 */
public final class ResultsViewModel {

    /** How the bars are ordered. */
    public enum SortOrder {
        BITSTRING("By bitstring"), COUNT("By count");

        private final String label;

        SortOrder(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Confidence levels offered for the error bars. */
    public static final List<Double> LEVELS = List.of(0.68, 0.90, 0.95, 0.99);
    public static final int DEFAULT_TOP_K = 64;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final BackgroundRunner runner;
    private final ObjectProperty<SimulationResult> result = new SimpleObjectProperty<>(this, "result");
    private final ObjectProperty<SortOrder> sortOrder = new SimpleObjectProperty<>(this, "sortOrder", SortOrder.BITSTRING);
    private final IntegerProperty topK = new SimpleIntegerProperty(this, "topK", DEFAULT_TOP_K);
    private final DoubleProperty confidenceLevel = new SimpleDoubleProperty(this, "confidenceLevel", 0.95);
    private final ObservableList<OutcomeEstimate> rows = FXCollections.observableArrayList();
    private final ObservableList<OutcomeEstimate> bars = FXCollections.observableArrayList();
    private final ObservableList<OutcomeEstimate> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<OutcomeEstimate> barsView = FXCollections.unmodifiableObservableList(bars);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyStringWrapper exportStatus = new ReadOnlyStringWrapper(this, "exportStatus", "");

    public ResultsViewModel(BackgroundRunner runner) {
        this.runner = runner;
        InvalidationListener refresh = obs -> refresh();
        result.addListener(refresh);
        sortOrder.addListener(refresh);
        topK.addListener(refresh);
        confidenceLevel.addListener(refresh);
        refresh();
    }

    private void refresh() {
        SimulationResult r = result.get();
        if (r == null) {
            rows.clear();
            bars.clear();
            title.set("No results yet: press Simulate (F5)");
            return;
        }
        Comparator<OutcomeEstimate> order = order();
        List<OutcomeEstimate> all = OutcomeEstimate.of(r.counts(), r.shots(), confidenceLevel.get());
        int k = Math.max(1, topK.get());
        rows.setAll(all.stream().sorted(order).toList());
        bars.setAll(all.stream().sorted(byCount()).limit(k).sorted(order).toList());
        String level = percent(confidenceLevel.get()) + " Wilson intervals";
        title.set(all.size() > k
                ? "Top " + k + " of " + all.size() + " outcomes · " + r.shots() + " shots · " + level
                : r.shots() + " shots · " + level);
    }

    private Comparator<OutcomeEstimate> order() {
        return sortOrder.get() == SortOrder.COUNT ? byCount() : Comparator.comparing(OutcomeEstimate::bitstring);
    }

    private static Comparator<OutcomeEstimate> byCount() {
        return Comparator.comparingInt(OutcomeEstimate::count).reversed().thenComparing(OutcomeEstimate::bitstring);
    }

    /** "95 %", "68 %", "99.9 %". */
    static String percent(double level) {
        double p = level * 100;
        return (p == Math.rint(p) ? String.valueOf((long) p) : String.format(Locale.ROOT, "%.1f", p)) + " %";
    }

    /** The hover text of a bar: outcome, exact count, probability and interval. */
    public String describe(OutcomeEstimate e) {
        SimulationResult r = result.get();
        return String.format(Locale.ROOT, "%s\n%d of %d shots\np = %.4f\n%s interval [%.4f, %.4f]", e.bitstring(), e.count(),
                r == null ? 0 : r.shots(), e.probability(), percent(e.interval().level()), e.interval().lower(),
                e.interval().upper());
    }

    /** Every outcome in table order, one line each, with a header. */
    public String csv() {
        StringBuilder sb = new StringBuilder("bitstring,count,probability,ci_lower,ci_upper,ci_level\n");
        for (OutcomeEstimate e : rows) {
            sb.append(String.format(Locale.ROOT, "%s,%d,%.6f,%.6f,%.6f,%s%n", e.bitstring(), e.count(), e.probability(),
                    e.interval().lower(), e.interval().upper(), e.interval().level()));
        }
        return sb.toString();
    }

    /** The run (shots, seed, engine), the counts as Qiskit prints them and every outcome's interval. */
    public String json() {
        SimulationResult r = result.get();
        Map<String, Object> out = new LinkedHashMap<>();
        if (r != null) {
            out.put("shots", r.shots());
            out.put("seed", r.seed());
            out.put("engine", r.engine());
            out.put("qubits", r.qubits());
            out.put("clbits", r.clbits());
            out.put("counts", r.counts());
        }
        out.put("confidence_level", confidenceLevel.get());
        out.put("outcomes", rows.stream().map(e -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("bitstring", e.bitstring());
            o.put("count", e.count());
            o.put("probability", e.probability());
            o.put("ci_lower", e.interval().lower());
            o.put("ci_upper", e.interval().upper());
            return o;
        }).toList());
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("counts could not be written as JSON", e);
        }
    }

    /** Writes the counts in the background: JSON when the name ends in .json, CSV otherwise. */
    public void export(Path file) {
        if (result.get() == null) {
            exportStatus.set("Nothing to export: simulate first");
            return;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String text = name.endsWith(".json") ? json() : csv();
        exportStatus.set("Exporting to " + file + "…");
        runner.run("Export counts", () -> {
            try {
                Files.writeString(file, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return file;
        }, written -> exportStatus.set("Exported " + rows.size() + " outcomes to " + written), failure -> {
            if (!(failure instanceof CancellationException)) {
                Throwable cause = failure instanceof UncheckedIOException u ? u.getCause() : failure;
                exportStatus.set("Could not export to " + file + ": " + describeFailure(cause));
            }
        });
    }

    /** An I/O exception's message is often just the path: say what kind of failure it was. */
    private static String describeFailure(Throwable t) {
        return t instanceof IOException ? t.getClass().getSimpleName() + " " + t.getMessage() : String.valueOf(t.getMessage());
    }

    /** The result shown; the workbench binds it to its last simulation. */
    public ObjectProperty<SimulationResult> resultProperty() {
        return result;
    }

    public ObjectProperty<SortOrder> sortOrderProperty() {
        return sortOrder;
    }

    /** How many of the most frequent outcomes the chart shows. */
    public IntegerProperty topKProperty() {
        return topK;
    }

    public DoubleProperty confidenceLevelProperty() {
        return confidenceLevel;
    }

    /** Every outcome, in the chosen order: the table. */
    public ObservableList<OutcomeEstimate> rows() {
        return rowsView;
    }

    /** The top-k outcomes by count, in the chosen order: the chart. */
    public ObservableList<OutcomeEstimate> bars() {
        return barsView;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty exportStatusProperty() {
        return exportStatus.getReadOnlyProperty();
    }
}
