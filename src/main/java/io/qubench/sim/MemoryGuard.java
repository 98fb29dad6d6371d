package io.qubench.sim;

import java.util.Locale;

/** Refuses a state that would not fit in memory before anything is allocated. */
public final class MemoryGuard {

    private static final int BYTES_PER_AMPLITUDE = 16;

    private MemoryGuard() {
    }

    /** Bytes of a double-precision state vector of {@code qubits} qubits; saturates at Long.MAX_VALUE. */
    public static long statevectorBytes(int qubits) {
        if (qubits >= 59) {
            return Long.MAX_VALUE;
        }
        return (long) BYTES_PER_AMPLITUDE << qubits;
    }

    /** Memory this JVM can still take: its maximum heap less what is in use. */
    public static long availableBytes() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    public static void requireStatevectorFits(int qubits) {
        requireFits(qubits, statevectorBytes(qubits), availableBytes());
    }

    public static void requireStatevectorFits(int qubits, long availableBytes) {
        requireFits(qubits, statevectorBytes(qubits), availableBytes);
    }

    /** Throws when {@code neededBytes} for a {@code qubits}-qubit run exceed {@code availableBytes}. */
    public static void requireFits(int qubits, long neededBytes, long availableBytes) {
        requireFits(qubits, neededBytes, availableBytes, "");
    }

    /** As above; {@code detail} (may be empty) explains a need beyond one state vector. */
    public static void requireFits(int qubits, long neededBytes, long availableBytes, String detail) {
        if (neededBytes > availableBytes) {
            long one = statevectorBytes(qubits);
            String need = neededBytes == one || detail.isEmpty() ? human(neededBytes) : human(one) + " (" + human(neededBytes) + " " + detail + ")";
            throw new SimulationException("A " + qubits + "-qubit state vector needs " + need
                    + " but only " + human(availableBytes) + " of memory is available to Qubench");
        }
    }

    /** Bytes for {@code copies} state vectors of {@code qubits} qubits, saturating. */
    public static long statevectorBytes(int qubits, int copies) {
        long one = statevectorBytes(qubits);
        return one > Long.MAX_VALUE / copies ? Long.MAX_VALUE : one * copies;
    }

    /** "16.0 TiB", "512.0 MiB": binary units, one decimal. */
    public static String human(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "more memory than any computer has";
        }
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
