package io.qubench.sim;

import java.util.Locale;

/** Refuses a state that would not fit in memory before anything is allocated. */
public final class MemoryGuard {

    private static final int BYTES_PER_AMPLITUDE = 16;
    /** Share of the machine's memory a simulation may take; the rest is for the system and the app. */
    static final double USABLE_SHARE_OF_MACHINE = 0.9;
    /** Heap beyond the state itself: the circuit, the JIT, the GUI. */
    static final long HEAP_RESERVE = 1L << 30;

    /** The state fits the machine but not this JVM's maximum heap. */
    public static final class HeapTooSmallException extends SimulationException {
        private final long heapBytes;

        HeapTooSmallException(String message, long heapBytes) {
            super(message);
            this.heapBytes = heapBytes;
        }

        /** A maximum heap that would do. */
        public long heapBytes() {
            return heapBytes;
        }
    }

    /** The machine's physical memory (0 when it cannot be told). */
    public static long physicalBytes() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }

    private MemoryGuard() {
    }

    /** Bytes of a double-precision state vector of {@code qubits} qubits; saturates at Long.MAX_VALUE. */
    public static long statevectorBytes(int qubits) {
        return statevectorBytes(qubits, 1, BYTES_PER_AMPLITUDE);
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
        requireFits(qubits, neededBytes, availableBytes, detail, physicalBytes());
    }

    /**
     * As above, knowing the machine's memory: when the run would fit the machine but not this
     * JVM's heap, the error says so ({@link HeapTooSmallException}) so that a front end can
     * restart with a larger heap.
     */
    public static void requireFits(int qubits, long neededBytes, long availableBytes, String detail, long physicalBytes) {
        check(qubits, neededBytes, statevectorBytes(qubits), "", availableBytes, detail, physicalBytes, true);
    }

    /**
     * Throws when {@code copies} state vectors of {@code qubits} qubits at {@code bytesPerAmplitude}
     * (16 in double precision, 8 in single) exceed {@code availableBytes}. For a state held outside
     * the Java heap ({@code offHeap}, with {@link #offHeapAvailableBytes()} as what is available)
     * the error never asks for a larger heap: that would not help it.
     */
    public static void requireStatevectorFits(int qubits, int copies, int bytesPerAmplitude, boolean offHeap, long availableBytes,
            long physicalBytes, String detail) {
        String width = bytesPerAmplitude == BYTES_PER_AMPLITUDE ? "" : " at " + bytesPerAmplitude + " B per amplitude";
        check(qubits, statevectorBytes(qubits, copies, bytesPerAmplitude), statevectorBytes(qubits, 1, bytesPerAmplitude), width,
                availableBytes, detail, physicalBytes, !offHeap);
    }

    private static void check(int qubits, long neededBytes, long oneBytes, String width, long availableBytes, String detail,
            long physicalBytes, boolean onHeap) {
        long usable = (long) (physicalBytes * USABLE_SHARE_OF_MACHINE);
        // Not neededBytes + HEAP_RESERVE: a size beyond any machine saturates at Long.MAX_VALUE, and the sum would wrap.
        if (onHeap && neededBytes > availableBytes && neededBytes <= usable - HEAP_RESERVE) {
            throw new HeapTooSmallException("A " + qubits + "-qubit run needs " + human(neededBytes) + " but this Java process "
                    + "may use only " + human(availableBytes) + "; the machine has " + human(physicalBytes)
                    + ": start Java with -Xmx" + ((neededBytes + HEAP_RESERVE) >> 30) + "g or more", neededBytes + HEAP_RESERVE);
        }
        if (neededBytes > availableBytes) {
            String need = neededBytes == oneBytes || detail.isEmpty() ? human(neededBytes) : human(oneBytes) + " (" + human(neededBytes) + " " + detail + ")";
            String where = onHeap ? "" : " outside the Java heap (the machine has " + human(physicalBytes) + ")";
            throw new SimulationException("A " + qubits + "-qubit state vector needs " + need + width
                    + " but only " + human(availableBytes) + " of memory is available to Qubench" + where);
        }
    }

    /**
     * Memory a state held outside the Java heap can still take: what the operating system reports
     * available (MemAvailable on Linux, which counts reclaimable cache; free memory elsewhere),
     * at most the usable share of the machine, less {@link #HEAP_RESERVE} for this JVM's own
     * growth. Neither -Xmx nor -XX:MaxDirectMemorySize bounds it: in JDK 25 only segments of an
     * {@code Arena.ofAuto()} count against the direct-memory limit, not those of a shared arena
     * or of an mmap.
     */
    public static long offHeapAvailableBytes() {
        long physical = physicalBytes();
        long os = osAvailableBytes();
        long usable = (long) (physical * USABLE_SHARE_OF_MACHINE);
        long available = os > 0 ? Math.min(os, usable) : usable - Runtime.getRuntime().totalMemory();
        return Math.max(0, available - HEAP_RESERVE);
    }

    /** MemAvailable from /proc/meminfo, else the free memory the JVM reports, else 0. */
    static long osAvailableBytes() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) << 10;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: the JVM's own figure below
        }
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getFreeMemorySize();
        }
        return 0;
    }

    /** Bytes for {@code copies} double-precision state vectors of {@code qubits} qubits, saturating. */
    public static long statevectorBytes(int qubits, int copies) {
        return statevectorBytes(qubits, copies, BYTES_PER_AMPLITUDE);
    }

    /** Bytes for {@code copies} state vectors of {@code qubits} qubits at {@code bytesPerAmplitude}, saturating. */
    public static long statevectorBytes(int qubits, int copies, int bytesPerAmplitude) {
        if (qubits >= 62 || bytesPerAmplitude > Long.MAX_VALUE >> qubits) {
            return Long.MAX_VALUE;
        }
        long one = (long) bytesPerAmplitude << qubits;
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
