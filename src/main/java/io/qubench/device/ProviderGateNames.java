package io.qubench.device;

import java.util.Locale;
import java.util.Map;

/**
 * Gate names of Amazon Braket (OpenQASM/JAQCD names and the standardized properties'
 * {@code gateName}) and of IonQ's QIS gate set, in Qubench's (OpenQASM qelib1) names.
 *
 * <table>
 * <caption>Provider name → Qubench name</caption>
 * <tr><td>cnot</td><td>cx</td></tr>
 * <tr><td>ccnot</td><td>ccx</td></tr>
 * <tr><td>si, ti</td><td>sdg, tdg</td></tr>
 * <tr><td>v, vi</td><td>sx, sxdg</td></tr>
 * <tr><td>phaseshift</td><td>p</td></tr>
 * <tr><td>cphaseshift, cphase</td><td>cp</td></tr>
 * <tr><td>xx, yy, zz</td><td>rxx, ryy, rzz</td></tr>
 * <tr><td>i</td><td>id</td></tr>
 * <tr><td>x y z h s t rx ry rz cy cz swap iswap ecr cswap</td><td>the same</td></tr>
 * </table>
 *
 * Names without a Qubench equivalent (IQM's {@code prx}, Rigetti's {@code xy}, IonQ's native
 * {@code gpi}, {@code gpi2}, {@code ms}) are kept, lower-cased, so the device says what it runs.
 */
public final class ProviderGateNames {

    private static final Map<String, String> RENAMED = Map.ofEntries(
            Map.entry("cnot", "cx"), Map.entry("ccnot", "ccx"),
            Map.entry("si", "sdg"), Map.entry("ti", "tdg"),
            Map.entry("v", "sx"), Map.entry("vi", "sxdg"),
            Map.entry("phaseshift", "p"), Map.entry("cphaseshift", "cp"), Map.entry("cphase", "cp"),
            Map.entry("xx", "rxx"), Map.entry("yy", "ryy"), Map.entry("zz", "rzz"),
            Map.entry("i", "id"));

    private ProviderGateNames() {
    }

    /** Qubench's name for a provider's gate name (case-insensitive). */
    public static String toQubench(String providerName) {
        String lower = providerName.trim().toLowerCase(Locale.ROOT);
        return RENAMED.getOrDefault(lower, lower);
    }
}
