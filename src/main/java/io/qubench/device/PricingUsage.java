package io.qubench.device;

/** What a task uses, as prices count it: shots, gates per shot and seconds of device time. */
public record PricingUsage(long shots, long oneQubitGates, long twoQubitGates, double seconds) {

    public PricingUsage {
        if (shots < 0 || oneQubitGates < 0 || twoQubitGates < 0 || !(seconds >= 0)) {
            throw new IllegalArgumentException("usage must not be negative: " + shots + " shots, " + oneQubitGates
                    + " 1q gates, " + twoQubitGates + " 2q gates, " + seconds + " s");
        }
    }
}
