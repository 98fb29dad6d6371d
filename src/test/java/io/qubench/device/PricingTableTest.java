package io.qubench.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.qubench.circuit.UserInputException;

class PricingTableTest {

    @TempDir
    Path dir;

    private final PricingTable published = PricingTable.published();

    @Test
    void braketQpusChargeATaskFeePlusAFeePerShot() {
        assertThat(published.require("braket:forte-1").cost(new PricingUsage(1000, 0, 0, 0))).isCloseTo(0.30 + 80, within(1e-9));
        assertThat(published.require("braket:garnet").cost(new PricingUsage(1000, 0, 0, 0))).isCloseTo(0.30 + 1.45, within(1e-9));
        assertThat(published.require("braket:ankaa-3").cost(new PricingUsage(1000, 0, 0, 0))).isCloseTo(0.30 + 0.9, within(1e-9));
    }

    @Test
    void braketSimulatorsBillAtLeastThreeSeconds() {
        Pricing sv1 = published.require("braket:sv1");
        assertThat(sv1.cost(new PricingUsage(1000, 0, 0, 0))).isCloseTo(3 * 0.075 / 60, within(1e-12));
        assertThat(sv1.cost(new PricingUsage(1000, 0, 0, 60))).isCloseTo(0.075, within(1e-12));
    }

    @Test
    void ionqChargesPerGateShotWithAMinimum() {
        Pricing forte = published.require("ionq:forte-1");
        assertThat(forte.cost(new PricingUsage(100, 2, 1, 0))).isCloseTo(12.4166, within(1e-9));
        double big = 10_000 * (20 * 0.000220 + 10 * 0.000975);
        assertThat(forte.cost(new PricingUsage(10_000, 20, 10, 0))).isCloseTo(big, within(1e-9));
        assertThat(published.require("ionq:simulator").free()).isTrue();
    }

    @Test
    void aProviderEntryCoversItsDevicesAndLocalRunsAreFree() {
        assertThat(published.require("ibm:kingston").perSecond()).isCloseTo(1.6, within(1e-12));
        assertThat(published.require("emulator:hanoi").free()).isTrue();
        assertThat(published.require("local").free()).isTrue();
        assertThatThrownBy(() -> new PricingTable(java.util.Map.of()).require("ibm:kingston"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("no price for backend ibm:kingston");
    }

    @Test
    void anEditedTableSurvivesSavingAndLoading() {
        PricingTable edited = published.with("braket:forte-1", Pricing.perTaskAndShot(0.25, 0.07, "our AWS contract"));
        Path file = dir.resolve("sub/pricing.json");
        edited.save(file);
        PricingTable back = PricingTable.load(file);
        assertThat(back.entries()).isEqualTo(edited.entries());
        assertThat(back.require("braket:forte-1").source()).isEqualTo("our AWS contract");
    }

    @Test
    void aBrokenFileIsRefusedNamingTheFileAndPlace() {
        assertThatThrownBy(() -> PricingTable.fromJson("{\"prices\": {\"ibm:*\": {\"perShot\": -1}}}", "pricing.json"))
                .isInstanceOf(DeviceFormatException.class).hasMessageContaining("pricing.json")
                .hasMessageContaining("perShot must be a finite amount of 0 or more");
        assertThatThrownBy(() -> PricingTable.fromJson("{\"prices\": {\"ibm:*\": {\"perShoot\": 1}}}", "pricing.json"))
                .isInstanceOf(DeviceFormatException.class).hasMessageContaining("line 1").hasMessageContaining("perShoot");
        assertThatThrownBy(() -> PricingTable.fromJson("{}", "pricing.json")).hasMessageContaining("has no \"prices\"");
        assertThatThrownBy(() -> PricingTable.load(dir.resolve("missing.json"))).isInstanceOf(UserInputException.class)
                .hasMessageContaining("missing.json");
    }
}
