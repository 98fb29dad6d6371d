package io.qubench.job;

import java.util.Locale;

import io.qubench.backend.BackendName;
import io.qubench.circuit.Circuit;
import io.qubench.circuit.Operation;
import io.qubench.device.Calibration;
import io.qubench.device.Device;
import io.qubench.device.GateCalibration;
import io.qubench.device.Pricing;
import io.qubench.device.PricingTable;
import io.qubench.device.PricingUsage;
import io.qubench.device.QubitCalibration;
import io.qubench.device.ShippedDevices;

/** Prices a circuit on a backend from the pricing table: before submission, and again for what actually ran. */
public final class CostEstimator {

    /** IBM's default wait between shots, which its device time includes. */
    static final double REPETITION_DELAY_SECONDS = 250e-6;

    private final PricingTable prices;
    /** Shipped devices by name, read once: their calibrations give gate times. */
    private final java.util.Map<String, Device> devices = new java.util.concurrent.ConcurrentHashMap<>();

    public CostEstimator(PricingTable prices) {
        this.prices = prices;
    }

    public PricingTable prices() {
        return prices;
    }

    public CostEstimate estimate(Circuit circuit, String backend, int shots) {
        BackendName name = BackendName.parse(backend);
        Pricing pricing = prices.require(name.toString());
        Circuit flat = circuit.inlined();
        long oneQubit = gates(flat, 1);
        long twoQubit = gates(flat, 2);
        String assumptions = "";
        double seconds = 0;
        if (pricing.chargesTime() && name.hasEmulator()) {
            Device device = devices.computeIfAbsent(name.device(), ShippedDevices::load);
            double perShot = shotSeconds(flat, device.calibration());
            seconds = shots * perShot;
            assumptions = String.format(Locale.ROOT, "device time %.3f s = %d shots × (%.0f µs repetition delay + depth %d"
                    + " × median 2q gate time + readout, from %s's calibration)", seconds, shots,
                    REPETITION_DELAY_SECONDS * 1e6, flat.depth(), device.name());
        } else if (pricing.chargesTime()) {
            assumptions = String.format(Locale.ROOT, "billed for at least %.0f s; a longer run costs more", pricing.minimumSeconds());
        }
        PricingUsage usage = new PricingUsage(shots, oneQubit, twoQubit, seconds);
        return new CostEstimate(name.toString(), name.provider(), shots, usage, pricing, pricing.cost(usage), assumptions);
    }

    /** The charge for {@code shotsRun} shots of {@code circuit} that used {@code usageSeconds} of device time. */
    public double actualCost(Circuit circuit, String backend, int shotsRun, double usageSeconds) {
        Pricing pricing = prices.require(BackendName.parse(backend).toString());
        if (shotsRun == 0 && usageSeconds == 0) {
            return 0;
        }
        Circuit flat = circuit.inlined();
        return pricing.cost(new PricingUsage(shotsRun, gates(flat, 1), gates(flat, 2), usageSeconds));
    }

    /** Gates on {@code arity} qubits; gates on more qubits count as two-qubit ones, as providers decompose them. */
    private static long gates(Circuit flat, int arity) {
        return flat.operations().stream()
                .filter(o -> o instanceof Operation.GateOperation)
                .mapToInt(o -> Math.min(2, ((Operation.GateOperation) o).qubits().size()))
                .filter(n -> n == arity)
                .count();
    }

    private static double shotSeconds(Circuit flat, Calibration c) {
        double gate = median(c.gates().stream().filter(g -> g.qubits().size() == 2 && !g.isBroken())
                .mapToDouble(GateCalibration::length).toArray());
        double readout = median(c.qubits().stream().mapToDouble(QubitCalibration::readoutLength).toArray());
        return REPETITION_DELAY_SECONDS + flat.depth() * orZero(gate) + orZero(readout);
    }

    private static double median(double[] values) {
        double[] v = java.util.Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        return v.length == 0 ? Double.NaN : v[v.length / 2];
    }

    private static double orZero(double v) {
        return Double.isFinite(v) ? v : 0;
    }
}
