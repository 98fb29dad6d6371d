package io.qubench.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import io.qubench.device.PricingTable;

class CostEstimatorTest {

    private final CostEstimator estimator = new CostEstimator(PricingTable.published());

    @Test
    void braketEstimatesTheTaskAndShotFees() {
        CostEstimate e = estimator.estimate(JobServiceTest.BELL, "braket:forte-1", 1000);
        assertThat(e.total()).isCloseTo(80.30, within(1e-9));
        assertThat(e.provider()).isEqualTo("braket");
        assertThat(e.usage().oneQubitGates()).isEqualTo(1);
        assertThat(e.usage().twoQubitGates()).isEqualTo(1);
    }

    @Test
    void ibmEstimatesDeviceTimeFromTheDevicesCalibration() {
        CostEstimate e = estimator.estimate(JobServiceTest.BELL, "ibm:manila", 4000);
        // at least the 250 µs repetition delay per shot, and the gates and readout add to it
        assertThat(e.usage().seconds()).isGreaterThan(4000 * 250e-6).isLessThan(4000 * 50e-3);
        assertThat(e.total()).isCloseTo(e.usage().seconds() * 1.6, within(1e-9));
        assertThat(e.assumptions()).contains("4000 shots").contains("manila's calibration");
    }

    @Test
    void ionqUsesTheGateShotFormulaAndItsMinimum() {
        assertThat(estimator.estimate(JobServiceTest.BELL, "ionq:aria-1", 100).total()).isCloseTo(12.4166, within(1e-9));
    }

    @Test
    void localRunsCostNothing() {
        assertThat(estimator.estimate(JobServiceTest.BELL, "emulator:kingston", 100_000).total()).isZero();
        assertThat(estimator.estimate(JobServiceTest.BELL, "local", 100).total()).isZero();
    }

    @Test
    void anActualChargeCountsOnlyTheShotsThatRan() {
        assertThat(estimator.actualCost(JobServiceTest.BELL, "braket:forte-1", 30, 0)).isCloseTo(0.30 + 2.4, within(1e-9));
        assertThat(estimator.actualCost(JobServiceTest.BELL, "braket:forte-1", 0, 0)).isZero();
    }
}
