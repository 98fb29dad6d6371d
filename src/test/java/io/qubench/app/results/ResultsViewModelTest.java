package io.qubench.app.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.qubench.analysis.OutcomeEstimate;
import io.qubench.analysis.Wilson;
import io.qubench.app.ImmediateRunner;
import io.qubench.sim.SimulationResult;

class ResultsViewModelTest {

    private final ResultsViewModel model = new ResultsViewModel(new ImmediateRunner());

    private static SimulationResult result(Map<String, Integer> counts) {
        int shots = counts.values().stream().mapToInt(Integer::intValue).sum();
        return new SimulationResult(3, 3, shots, 42, new TreeMap<>(counts), null, false, "statevector", 1_000_000);
    }

    @Test
    void everyOutcomeGetsItsWilsonIntervalAtTheChosenLevel() {
        model.resultProperty().set(result(Map.of("000", 5, "111", 5)));
        assertThat(model.rows()).extracting(OutcomeEstimate::bitstring).containsExactly("000", "111");
        assertThat(model.rows().getFirst().interval()).isEqualTo(Wilson.interval(5, 10, 0.95));
        model.confidenceLevelProperty().set(0.99);
        assertThat(model.rows().getFirst().interval()).isEqualTo(Wilson.interval(5, 10, 0.99));
        assertThat(model.titleProperty().get()).isEqualTo("10 shots · 99 % Wilson intervals");
    }

    @Test
    void barsAreSortedByBitstringOrByCount() {
        model.resultProperty().set(result(Map.of("001", 1, "100", 7, "010", 3)));
        assertThat(model.bars()).extracting(OutcomeEstimate::bitstring).containsExactly("001", "010", "100");
        model.sortOrderProperty().set(ResultsViewModel.SortOrder.COUNT);
        assertThat(model.bars()).extracting(OutcomeEstimate::bitstring).containsExactly("100", "010", "001");
        assertThat(model.rows()).extracting(OutcomeEstimate::bitstring).containsExactly("100", "010", "001");
    }

    @Test
    void wideOutputsShowOnlyTheTopKMostFrequentOutcomes() {
        model.topKProperty().set(2);
        model.resultProperty().set(result(Map.of("001", 1, "100", 7, "010", 3, "111", 2)));
        assertThat(model.bars()).extracting(OutcomeEstimate::bitstring).containsExactly("010", "100");
        assertThat(model.rows()).hasSize(4);
        assertThat(model.titleProperty().get()).startsWith("Top 2 of 4 outcomes · 13 shots");
    }

    @Test
    void theHoverTextGivesExactCountProbabilityAndInterval() {
        model.resultProperty().set(result(Map.of("000", 5, "111", 5)));
        assertThat(model.describe(model.bars().getFirst())).isEqualTo("000\n5 of 10 shots\np = 0.5000\n95 % interval [0.2366, 0.7634]");
    }

    @Test
    void csvHasAHeaderAndOneLinePerOutcome() {
        model.resultProperty().set(result(Map.of("000", 5, "111", 5)));
        assertThat(model.csv().lines()).containsExactly("bitstring,count,probability,ci_lower,ci_upper,ci_level",
                "000,5,0.500000,0.236593,0.763407,0.95", "111,5,0.500000,0.236593,0.763407,0.95");
    }

    @Test
    void jsonCarriesTheRunTheCountsAndTheIntervals() throws Exception {
        model.resultProperty().set(result(Map.of("000", 5, "111", 5)));
        JsonNode json = new ObjectMapper().readTree(model.json());
        assertThat(json.get("shots").asInt()).isEqualTo(10);
        assertThat(json.get("seed").asLong()).isEqualTo(42);
        assertThat(json.get("counts").get("111").asInt()).isEqualTo(5);
        assertThat(json.get("outcomes").get(0).get("ci_lower").asDouble()).isCloseTo(0.2366, within(1e-4));
    }

    @Test
    void exportWritesJsonOrCsvByTheFileName(@TempDir Path dir) throws Exception {
        model.resultProperty().set(result(Map.of("000", 5, "111", 5)));
        model.export(dir.resolve("counts.json"));
        model.export(dir.resolve("counts.csv"));
        assertThat(Files.readString(dir.resolve("counts.json"))).isEqualTo(model.json());
        assertThat(Files.readString(dir.resolve("counts.csv"))).isEqualTo(model.csv());
        assertThat(model.exportStatusProperty().get()).isEqualTo("Exported 2 outcomes to " + dir.resolve("counts.csv"));
    }

    @Test
    void aFailedExportSaysWhereAndWhy(@TempDir Path dir) {
        model.resultProperty().set(result(Map.of("000", 5)));
        Path nowhere = dir.resolve("missing-folder").resolve("counts.csv");
        model.export(nowhere);
        assertThat(model.exportStatusProperty().get()).startsWith("Could not export to " + nowhere)
                .contains("NoSuchFileException");
    }

    @Test
    void withoutAResultThereIsNothingToShowOrExport(@TempDir Path dir) {
        assertThat(model.bars()).isEmpty();
        assertThat(model.titleProperty().get()).contains("press Simulate");
        model.export(dir.resolve("x.csv"));
        assertThat(model.exportStatusProperty().get()).startsWith("Nothing to export");
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }
}
