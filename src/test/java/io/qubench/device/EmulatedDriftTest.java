package io.qubench.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class EmulatedDriftTest {

    private final Device nairobi = ShippedDevices.load("nairobi");

    @Test
    void ninetyDailySnapshotsEndWithTheRealOneAndAreLabelledEmulated() {
        List<Calibration> h = EmulatedDrift.history(nairobi, 90, 1);
        assertThat(h).hasSize(90);
        assertThat(h.getLast()).isSameAs(nairobi.calibration());
        assertThat(h.getFirst().device()).endsWith(EmulatedDrift.LABEL);
        assertThat(h.getFirst().timestamp()).isEqualTo(nairobi.calibration().timestamp().minusDays(89));
        for (int i = 1; i < h.size(); i++) {
            assertThat(h.get(i).timestamp()).isAfter(h.get(i - 1).timestamp());
        }
    }

    @Test
    void theSameSeedGivesTheSameHistoryAndAnotherSeedAnother() {
        assertThat(EmulatedDrift.history(nairobi, 30, 7)).isEqualTo(EmulatedDrift.history(nairobi, 30, 7));
        assertThat(EmulatedDrift.history(nairobi, 30, 7)).isNotEqualTo(EmulatedDrift.history(nairobi, 30, 8));
    }

    @Test
    void valuesStayPhysicalAndSomeDaysAreBad() {
        List<Calibration> h = EmulatedDrift.history(nairobi, 90, 3);
        double median = nairobi.calibration().medianTwoQubitError();
        long bad = h.stream().filter(c -> c.medianTwoQubitError() > 2.5 * median).count();
        assertThat(bad).isBetween(1L, 15L);
        for (Calibration c : h) {
            assertThat(c.qubits()).allMatch(q -> q.t1() > 0 && q.t2() <= 2 * q.t1() && q.p1Given0() >= 0 && q.p1Given0() <= 0.5);
            assertThat(c.gates()).allMatch(g -> Double.isNaN(g.error()) || g.error() >= 0 && g.error() <= 1);
        }
    }
}
