package io.qubench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MemoryGuardTest {

    private static final long GIB = 1L << 30;

    @Test
    void aStateThatFitsTheMachineButNotTheHeapAsksForALargerHeap() {
        assertThatThrownBy(() -> MemoryGuard.requireFits(30, 16 * GIB, 6 * GIB, "", 24 * GIB))
                .isInstanceOfSatisfying(MemoryGuard.HeapTooSmallException.class, e -> {
                    assertThat(e.heapBytes()).isEqualTo(17 * GIB);
                    assertThat(e.getMessage()).contains("-Xmx17g").contains("24.0 GiB");
                });
    }

    @Test
    void aStateLargerThanTheMachineIsRefusedOutright() {
        assertThatThrownBy(() -> MemoryGuard.requireFits(32, 64 * GIB, 6 * GIB, "", 24 * GIB))
                .isInstanceOf(SimulationException.class)
                .isNotInstanceOf(MemoryGuard.HeapTooSmallException.class)
                .hasMessageContaining("needs 64.0 GiB");
    }

    @Test
    void aStateBeyondAnyMachineIsRefusedWithoutAskingForAHeap() {
        assertThatThrownBy(() -> MemoryGuard.requireFits(1000, MemoryGuard.statevectorBytes(1000), 6 * GIB, "", 24 * GIB))
                .isInstanceOf(SimulationException.class)
                .isNotInstanceOf(MemoryGuard.HeapTooSmallException.class)
                .hasMessage("A 1000-qubit state vector needs more memory than any computer has but only 6.0 GiB of memory is "
                        + "available to Qubench");
    }

    @Test
    void aStateThatFitsPasses() {
        MemoryGuard.requireFits(20, 16L << 20, 6 * GIB, "", 24 * GIB);
    }

    @Test
    void singlePrecisionMemoryIsEightBytesPerAmplitudeAndIsCheckedOutsideTheHeap() {
        assertThat(MemoryGuard.statevectorBytes(31, 1, 8)).isEqualTo(16 * GIB);
        assertThat(MemoryGuard.statevectorBytes(31, 2, 8)).isEqualTo(32 * GIB);
        assertThat(MemoryGuard.statevectorBytes(70, 1, 8)).isEqualTo(Long.MAX_VALUE);
        MemoryGuard.requireStatevectorFits(31, 1, 8, true, 20 * GIB, 24 * GIB, "");
        assertThatThrownBy(() -> MemoryGuard.requireStatevectorFits(33, 1, 8, true, 20 * GIB, 24 * GIB, ""))
                .isInstanceOf(SimulationException.class)
                .isNotInstanceOf(MemoryGuard.HeapTooSmallException.class)
                .hasMessageContaining("33-qubit state vector needs 64.0 GiB at 8 B per amplitude")
                .hasMessageContaining("only 20.0 GiB").hasMessageContaining("outside the Java heap")
                .hasMessageNotContaining("-Xmx");
        assertThatThrownBy(() -> MemoryGuard.requireStatevectorFits(31, 2, 8, true, 20 * GIB, 24 * GIB, "with the copy"))
                .hasMessageContaining("needs 16.0 GiB (32.0 GiB with the copy)");
    }

    @Test
    void theOffHeapFigureIsAtMostTheMachinesUsableShare() {
        long available = MemoryGuard.offHeapAvailableBytes();
        assertThat(available).isPositive().isLessThanOrEqualTo((long) (MemoryGuard.physicalBytes() * 0.9));
    }
}
