package io.qubench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The package rules of ARCHITECTURE.md, checked on the compiled main classes. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.qubench");
    }

    @Test
    void nothingOutsideTheAppPackageUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("io.qubench.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.fxmisc..", "org.controlsfx..", "org.jfree.chart.fx..")
                .check(classes);
    }

    @Test
    void theCircuitModelDependsOnNoOtherQubenchPackage() {
        noClasses().that().resideInAPackage("io.qubench.circuit..")
                .should().dependOnClassesThat().resideInAnyPackage("io.qubench.qasm..", "io.qubench.sim..",
                        "io.qubench.cli..", "io.qubench.app..")
                .check(classes);
    }

    @Test
    void theQasmPackageDoesNotReachIntoSimulationOrUi() {
        noClasses().that().resideInAPackage("io.qubench.qasm..")
                .should().dependOnClassesThat().resideInAnyPackage("io.qubench.sim..", "io.qubench.cli..", "io.qubench.app..")
                .check(classes);
    }

    @Test
    void theSimulatorKnowsOnlyTheModel() {
        noClasses().that().resideInAPackage("io.qubench.sim..")
                .should().dependOnClassesThat().resideInAnyPackage("io.qubench.qasm..", "io.qubench.cli..", "io.qubench.app..")
                .check(classes);
    }

    @Test
    void noiseModelsKnowOnlyTheCircuitModelAndDevices() {
        noClasses().that().resideInAPackage("io.qubench.noise..")
                .should().dependOnClassesThat().resideInAnyPackage("io.qubench.qasm..", "io.qubench.sim..", "io.qubench.cli..",
                        "io.qubench.app..")
                .check(classes);
    }

    @Test
    void devicesDoNotReachIntoSimulationOrUi() {
        noClasses().that().resideInAPackage("io.qubench.device..")
                .should().dependOnClassesThat().resideInAnyPackage("io.qubench.sim..", "io.qubench.cli..", "io.qubench.app..")
                .check(classes);
    }

    @Test
    void theTranspilerDoesNotReachIntoSimulationOrUi() {
        noClasses().that().resideInAPackage("io.qubench.transpile..")
                .should().dependOnClassesThat().resideInAnyPackage("io.qubench.sim..", "io.qubench.cli..", "io.qubench.app..")
                .check(classes);
    }

    @Test
    void theCommandLineDoesNotUseTheGui() {
        noClasses().that().resideInAPackage("io.qubench.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.qubench.app..")
                .check(classes);
    }

    @Test
    void onlyTheBraketAdapterUsesTheAwsSdk() {
        noClasses().that().resideOutsideOfPackage("io.qubench.backend.remote.braket..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon..")
                .check(classes);
    }

    @Test
    void onlyProviderAdaptersSpeakHttp() {
        noClasses().that().resideOutsideOfPackage("io.qubench.backend.remote..")
                .should().dependOnClassesThat().resideInAPackage("java.net.http..")
                .check(classes);
    }

    @Test
    void onlyTheHistorySpeaksSql() {
        noClasses().that().resideOutsideOfPackage("io.qubench.history..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.h2..", "org.flywaydb..")
                .check(classes);
    }

    @Test
    void theJobServiceUsesNeitherTheGuiNorTheHistoryDatabase() {
        noClasses().that().resideInAPackage("io.qubench.job..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.qubench.app..", "io.qubench.history..",
                        "io.qubench.cli..")
                .check(classes);
    }

    @Test
    void backendsUseNeitherTheGuiNorTheHistoryDatabaseNorTheJobsThatCallThem() {
        noClasses().that().resideInAPackage("io.qubench.backend..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.qubench.app..", "io.qubench.history..",
                        "io.qubench.job..", "io.qubench.cli..")
                .check(classes);
    }

    @Test
    void analysisUsesNoGuiAndNoHistory() {
        noClasses().that().resideInAPackage("io.qubench.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.qubench.app..", "io.qubench.history..")
                .check(classes);
    }
}
