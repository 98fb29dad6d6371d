package io.qubench.sim;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The floating-point width of a state vector's amplitudes. {@link #SINGLE} halves the memory
 * (31 qubits in 16 GiB) at about 1e-6 accuracy of each amplitude; only the state-vector engine
 * offers it, the others compute in {@link #DOUBLE}.
 */
public enum Precision {
    /** complex128: two doubles per amplitude. */
    DOUBLE(16),
    /** complex64: two floats per amplitude. */
    SINGLE(8);

    private final int bytesPerAmplitude;

    Precision(int bytesPerAmplitude) {
        this.bytesPerAmplitude = bytesPerAmplitude;
    }

    public int bytesPerAmplitude() {
        return bytesPerAmplitude;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The precision for a name such as {@code single}; unknown names are a clear error listing the known ones. */
    public static Precision named(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SimulationException("unknown precision '" + name + "': choose one of " + names());
        }
    }

    public static String names() {
        return Arrays.stream(values()).map(Precision::cliName).collect(Collectors.joining(", "));
    }
}
