package io.qubench.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.qubench.app.ImmediateRunner;

class WorkbenchTabsViewModelTest {

    private final WorkbenchTabsViewModel tabs = new WorkbenchTabsViewModel(new ImmediateRunner());

    @Test
    void eachNewOrOpenedCircuitIsItsOwnSelectedDocument() {
        WorkbenchViewModel bell = tabs.openSample(WorkbenchViewModel.Sample.BELL);
        WorkbenchViewModel fresh = tabs.newCircuit();

        assertThat(tabs.documents()).containsExactly(bell, fresh);
        assertThat(tabs.selectedProperty().get()).isSameAs(fresh);
        assertThat(bell.qasmTextProperty().get()).contains("cx");
        assertThat(fresh.qasmTextProperty().get()).isEqualTo(WorkbenchViewModel.NEW_CIRCUIT);
        assertThat(bell.commands()).isNotSameAs(fresh.commands());
        assertThat(tabs.titleProperty().get()).isEqualTo("untitled.qasm — Qubench");
    }

    @Test
    void onlyTheEditedDocumentHasUnsavedChanges() {
        WorkbenchViewModel bell = tabs.openSample(WorkbenchViewModel.Sample.BELL);
        WorkbenchViewModel ghz = tabs.openSample(WorkbenchViewModel.Sample.GHZ);

        bell.qasmTextProperty().set(bell.qasmTextProperty().get() + "x q[0];\n");

        assertThat(tabs.unsaved()).containsExactly(bell);
        assertThat(ghz.dirtyProperty().get()).isFalse();
        tabs.selectedProperty().set(bell);
        assertThat(tabs.titleProperty().get()).isEqualTo("• bell.qasm — Qubench");
    }

    @Test
    void openingAFileAlreadyOpenSelectsItsDocument(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("pair.qasm"), "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nh q[0];\n");
        WorkbenchViewModel first = tabs.openFile(file);
        tabs.newCircuit();

        WorkbenchViewModel again = tabs.openFile(dir.resolve("./pair.qasm"));

        assertThat(again).isSameAs(first);
        assertThat(tabs.documents()).hasSize(2);
        assertThat(tabs.selectedProperty().get()).isSameAs(first);
        assertThat(first.documentNameProperty().get()).isEqualTo("pair.qasm");
    }

    @Test
    void closingSelectsTheNeighbourAndTheLastCloseLeavesANewCircuit() {
        WorkbenchViewModel bell = tabs.openSample(WorkbenchViewModel.Sample.BELL);
        WorkbenchViewModel ghz = tabs.openSample(WorkbenchViewModel.Sample.GHZ);
        WorkbenchViewModel qft = tabs.openSample(WorkbenchViewModel.Sample.QFT);
        tabs.selectedProperty().set(ghz);

        tabs.close(ghz);
        assertThat(tabs.documents()).containsExactly(bell, qft);
        assertThat(tabs.selectedProperty().get()).isSameAs(qft);

        tabs.close(qft);
        tabs.close(bell);
        assertThat(tabs.documents()).hasSize(1);
        assertThat(tabs.selectedProperty().get().documentNameProperty().get()).isEqualTo("untitled.qasm");
        assertThatThrownBy(() -> tabs.close(bell)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bell.qasm");
    }

    @Test
    void theThemeAndRecentFilesAreTheWindowsNotOneDocuments(@TempDir Path dir) throws IOException {
        WorkbenchViewModel bell = tabs.openSample(WorkbenchViewModel.Sample.BELL);
        WorkbenchViewModel fresh = tabs.newCircuit();
        List<Path> recent = new ArrayList<>();
        tabs.onRecentFile(recent::add);

        bell.darkThemeProperty().set(true);
        assertThat(tabs.darkThemeProperty().get()).isTrue();
        assertThat(fresh.darkThemeProperty().get()).isTrue();

        Path target = dir.resolve("saved.qasm");
        fresh.saveAs(target);
        assertThat(recent).containsExactly(target);
        assertThat(tabs.documentOf(target)).containsSame(fresh);
    }

    @Test
    void aLoneUntouchedNewCircuitGivesItsPlaceToTheNextOpenedOne() {
        WorkbenchViewModel fresh = tabs.newCircuit();
        WorkbenchViewModel bell = tabs.openSample(WorkbenchViewModel.Sample.BELL);
        assertThat(tabs.documents()).containsExactly(bell);

        WorkbenchViewModel another = tabs.newCircuit();
        WorkbenchViewModel ghz = tabs.openSample(WorkbenchViewModel.Sample.GHZ);
        assertThat(tabs.documents()).containsExactly(bell, another, ghz);

        tabs.close(bell);
        tabs.close(ghz);
        another.qasmTextProperty().set(another.qasmTextProperty().get() + "h q[0];\n");
        tabs.openSample(WorkbenchViewModel.Sample.QFT);
        assertThat(tabs.documents()).hasSize(2).first().isSameAs(another);
        assertThat(fresh).isNotIn(tabs.documents());
    }
}
