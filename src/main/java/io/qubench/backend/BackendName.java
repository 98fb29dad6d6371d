package io.qubench.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.qubench.circuit.UserInputException;
import io.qubench.device.ShippedDevices;

/**
 * A backend's name: {@code local}, or {@code provider:device} with provider {@code emulator},
 * {@code ibm}, {@code ionq} or {@code braket}. Emulator and IBM names take the shipped devices.
 */
public record BackendName(String provider, String device) {

    public static final String LOCAL = "local";
    public static final String EMULATOR = "emulator";

    /** Devices of the providers whose adapters are remote, as they name them. */
    private static final Map<String, List<String>> REMOTE_DEVICES = Map.of(
            "ibm", ShippedDevices.NAMES,
            "ionq", List.of("simulator", "aria-1", "forte-1"),
            "braket", List.of("sv1", "dm1", "forte-1", "garnet", "ankaa-3"));
    private static final List<String> PROVIDERS = List.of(EMULATOR, "ibm", "ionq", "braket");

    /** Parses {@code name}; an unknown one is a clear error listing every valid name. */
    public static BackendName parse(String name) {
        String n = name == null ? "" : name.trim();
        if (n.equals(LOCAL)) {
            return new BackendName(LOCAL, "");
        }
        int colon = n.indexOf(':');
        if (colon > 0) {
            String provider = n.substring(0, colon);
            String device = n.substring(colon + 1);
            if (devicesOf(provider).contains(device)) {
                return new BackendName(provider, device);
            }
        }
        throw new UserInputException("unknown backend '" + name + "': choose one of " + String.join(", ", known()));
    }

    /** Every valid backend name. */
    public static List<String> known() {
        List<String> all = new ArrayList<>();
        all.add(LOCAL);
        for (String p : PROVIDERS) {
            devicesOf(p).forEach(d -> all.add(p + ":" + d));
        }
        return all;
    }

    private static List<String> devicesOf(String provider) {
        return provider.equals(EMULATOR) ? ShippedDevices.NAMES : REMOTE_DEVICES.getOrDefault(provider, List.of());
    }

    public boolean local() {
        return provider.equals(LOCAL) || provider.equals(EMULATOR);
    }

    /** Whether {@link #device} is one of the shipped devices, which have an emulator. */
    public boolean hasEmulator() {
        return ShippedDevices.NAMES.contains(device);
    }

    @Override
    public String toString() {
        return device.isEmpty() ? provider : provider + ":" + device;
    }
}
