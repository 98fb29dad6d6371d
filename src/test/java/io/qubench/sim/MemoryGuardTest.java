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
    void aStateThatFitsPasses() {
        MemoryGuard.requireFits(20, 16L << 20, 6 * GIB, "", 24 * GIB);
    }
}
