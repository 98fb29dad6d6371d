package io.qubench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LargerHeapTest {

    @Test
    void theChildRunsTheSameCommandWithTheHeapItNeedsAndHugePages() {
        assertThat(LargerHeap.command(17L << 30, new String[] {"simulate", "big.qasm", "--json"}))
                .contains("-Xmx17g", "-XX:+UseTransparentHugePages", "-Dqubench.child=true", "io.qubench.Main")
                .endsWith("simulate", "big.qasm", "--json");
    }

    @Test
    void aChildDoesNotRestartAgain() {
        System.setProperty(LargerHeap.CHILD_PROPERTY, "true");
        try {
            assertThat(LargerHeap.allowed()).isFalse();
        } finally {
            System.clearProperty(LargerHeap.CHILD_PROPERTY);
        }
        assertThat(LargerHeap.allowed()).isTrue();
    }
}
