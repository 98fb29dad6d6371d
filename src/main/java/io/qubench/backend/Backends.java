package io.qubench.backend;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.qubench.backend.local.EmulatorBackend;
import io.qubench.backend.local.LocalSimulatorBackend;
import io.qubench.backend.local.SimulatedQueue;
import io.qubench.circuit.UserInputException;
import io.qubench.device.ShippedDevices;

/**
 * The backends of this installation by name: the local simulator and an emulator per shipped
 * device, each created once, and the providers' devices through the remote resolver given
 * (which knows the credentials and settings they need).
 */
public final class Backends implements BackendResolver {

    private final SimulatedQueue queue;
    private final Clock clock;
    private final Map<String, Backend> created = new ConcurrentHashMap<>();

    private final BackendResolver remote;

    /** Local backends only: a provider's name is refused, pointing to its emulator. */
    public Backends(SimulatedQueue queue, Clock clock) {
        this(queue, clock, Backends::notConnected);
    }

    public Backends(SimulatedQueue queue, Clock clock, BackendResolver remote) {
        this.queue = queue;
        this.clock = clock;
        this.remote = remote;
    }

    private static Backend notConnected(String name) {
        BackendName parsed = BackendName.parse(name);
        String instead = parsed.hasEmulator() ? "; run it on emulator:" + parsed.device() + " instead" : "";
        throw new UserInputException("backend " + parsed + ": this command does not connect to " + parsed.provider()
                + " (estimating works)" + instead);
    }

    /** The names that run on this machine: {@code local} and {@code emulator:DEVICE} per shipped device. */
    public static List<String> localNames() {
        return BackendName.known().stream().filter(n -> BackendName.parse(n).local()).toList();
    }

    @Override
    public Backend resolve(String name) {
        BackendName parsed = BackendName.parse(name);
        if (!parsed.local()) {
            return created.computeIfAbsent(parsed.toString(), remote::resolve);
        }
        return created.computeIfAbsent(parsed.toString(), n -> parsed.provider().equals(BackendName.LOCAL)
                ? new LocalSimulatorBackend(queue, clock)
                : new EmulatorBackend(ShippedDevices.load(parsed.device()), queue, clock));
    }
}
