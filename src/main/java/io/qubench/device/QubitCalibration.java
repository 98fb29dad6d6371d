package io.qubench.device;

/**
 * One qubit's calibration. Times in seconds; NaN where the snapshot has no value (a Heron
 * qubit may lack T1). Readout: P(read 1 | prepared 0) and P(read 0 | prepared 1), falling back
 * to the symmetric {@code readout_error} when the snapshot gives only that.
 */
public record QubitCalibration(double t1, double t2, double p1Given0, double p0Given1, double readoutLength) {

    public double readoutError() {
        return (p1Given0 + p0Given1) / 2;
    }
}
