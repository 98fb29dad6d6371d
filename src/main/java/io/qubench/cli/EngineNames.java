package io.qubench.cli;

import java.util.Arrays;
import java.util.Iterator;

import io.qubench.sim.Engine;

/** The {@code --engine} values, for help text and shell completion. */
final class EngineNames implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(Engine.values()).map(Engine::cliName).iterator();
    }
}
