package io.qubench.device;

import java.io.InputStream;
import java.util.List;

/** The real IBM device snapshots shipped with Qubench in {@code samples/devices} (Apache-2.0, see its NOTICE). */
public final class ShippedDevices {

    public static final List<String> NAMES = List.of("manila", "nairobi", "guadalupe", "hanoi", "sherbrooke", "kingston");

    private ShippedDevices() {
    }

    public static List<Device> all() {
        return NAMES.stream().map(ShippedDevices::load).toList();
    }

    /** A shipped device by name; an unknown name is a clear error listing the known ones. */
    public static Device load(String name) {
        if (!NAMES.contains(name)) {
            throw new DeviceFormatException(name, "is not a shipped device; known devices: " + String.join(", ", NAMES));
        }
        String conf = "/samples/devices/" + name + "/conf_" + name + ".json";
        String props = "/samples/devices/" + name + "/props_" + name + ".json";
        return IbmSnapshot.read(name, resource(conf), conf, resource(props), props);
    }

    private static InputStream resource(String path) {
        InputStream in = ShippedDevices.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is missing from the application");
        }
        return in;
    }
}
