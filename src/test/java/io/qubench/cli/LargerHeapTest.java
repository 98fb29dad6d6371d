package io.qubench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LargerHeapTest {

    @Test
    void theChildRunsTheSameCommandWithTheHeapItNeedsAndHugePages() {
        assertThat(LargerHeap.command(17L << 30, new String[] {"simulate", "big.qasm", "--json"}))
                .contains("-Xmx17g", "-XX:+UseTransparentHugePages", "-Dqubench.child=true", "io.qubench.Main")
                .endsWith("simulate", "big.qasm", "--json");
    }

    @Test
    void theChildKeepsTheJitAndLogSettingsButNotTheOldHeapLimit() {
        List<String> parent = List.of("-Xmx6g", "-Xlog:all=warning:stderr", "-XX:CICompilerCount=3", "-XX:CompileCommand=quiet",
                "-XX:CompileCommand=CompileThresholdScaling,io.qubench.sim.statevector.FastState::*,0.05", "-XX:AOTCache=/tmp/x.aot");
        List<String> command = LargerHeap.command(17L << 30, new String[] {"simulate", "big.qasm"}, parent);
        assertThat(command).contains("-Xmx17g", "-Xlog:all=warning:stderr", "-XX:CICompilerCount=3", "-XX:CompileCommand=quiet",
                "-XX:CompileCommand=CompileThresholdScaling,io.qubench.sim.statevector.FastState::*,0.05")
                .doesNotContain("-Xmx6g", "-XX:AOTCache=/tmp/x.aot");
        assertThat(command.indexOf("-XX:CompileCommand=quiet")).as("JVM flags come before the main class")
                .isLessThan(command.indexOf("io.qubench.Main"));
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
