package io.qubench.sim.statevector;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;

/**
 * Large memory outside the Java heap, owned by an {@link Arena} and freed when it closes.
 *
 * <p>{@code Arena.allocate} zeroes what it returns on the calling thread, and first touch of
 * fresh memory runs at 0.4–1 GB/s on this machine (PERFORMANCE.md): 6.2–6.6 s for 2 GiB. On
 * Linux the memory is instead an anonymous mmap, which is zero by definition, advised to use
 * transparent huge pages (the system's setting here is {@code madvise}) and touched once per
 * page by all cores through the {@link ParallelPolicy}: 2.2–4.4 s for the same 2 GiB. Elsewhere,
 * or when native calls are not allowed, {@code Arena.allocate} is used.
 */
final class OffHeapMemory {

    private static final long PAGE = 4096;
    private static final int PROT_READ_WRITE = 0x1 | 0x2;
    private static final int MAP_PRIVATE_ANONYMOUS = 0x02 | 0x20;
    private static final int MADV_HUGEPAGE = 14;
    private static final long MAP_FAILED = -1;

    /** mmap, madvise and munmap of the C library, or null when they cannot be called. */
    private static final MethodHandle[] LIBC = libc();

    private OffHeapMemory() {
    }

    private static MethodHandle[] libc() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return null;
        }
        try {
            Linker linker = Linker.nativeLinker();
            var lookup = linker.defaultLookup();
            MethodHandle mmap = linker.downcallHandle(lookup.find("mmap").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
            MethodHandle madvise = linker.downcallHandle(lookup.find("madvise").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
            MethodHandle munmap = linker.downcallHandle(lookup.find("munmap").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
            return new MethodHandle[] {mmap, madvise, munmap};
        } catch (RuntimeException e) {
            // No native access (--illegal-native-access=deny) or no such symbols: Arena.allocate will do.
            return null;
        }
    }

    /** {@code bytes} of zeros, touched in parallel so that the first pass over them runs at full speed. */
    static MemorySegment zeroed(long bytes, Arena arena, ParallelPolicy policy) {
        MemorySegment s = mapped(bytes, arena);
        if (s == null) {
            return arena.allocate(bytes, 64);
        }
        policy.forRange((bytes + PAGE - 1) / PAGE, (from, to) -> {
            for (long p = from; p < to; p++) {
                s.set(ValueLayout.JAVA_BYTE, p * PAGE, (byte) 0);
            }
        });
        return s;
    }

    /** {@code bytes} whose content is not guaranteed, for a caller that writes all of them first (a copy). */
    static MemorySegment uninitialised(long bytes, Arena arena) {
        MemorySegment s = mapped(bytes, arena);
        return s != null ? s : arena.allocate(bytes, 64);
    }

    /** An anonymous private mapping unmapped when {@code arena} closes, or null without mmap. */
    private static MemorySegment mapped(long bytes, Arena arena) {
        if (LIBC == null || bytes < PAGE) {
            return null;
        }
        try {
            MemorySegment address = (MemorySegment) LIBC[0].invokeExact(MemorySegment.NULL, bytes, PROT_READ_WRITE,
                    MAP_PRIVATE_ANONYMOUS, -1, 0L);
            if (address.address() == MAP_FAILED) {
                throw new OutOfMemoryError("the system refused " + bytes + " bytes for a state vector (mmap failed)");
            }
            // Advice only: without huge pages the memory is the same, just slower to touch first.
            int ignored = (int) LIBC[1].invokeExact(address, bytes, MADV_HUGEPAGE);
            return address.reinterpret(bytes, arena, s -> unmap(s, bytes));
        } catch (OutOfMemoryError | RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("calling mmap failed", e);
        }
    }

    private static void unmap(MemorySegment s, long bytes) {
        try {
            int ignored = (int) LIBC[2].invokeExact(s, bytes);
        } catch (Throwable e) {
            throw new IllegalStateException("calling munmap failed", e);
        }
    }
}
