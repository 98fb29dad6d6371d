package io.qubench.analysis;

import java.util.ArrayList;
import java.util.List;

import io.qubench.device.Calibration;
import io.qubench.device.QubitCalibration;

/**
 * One measured bit's readout errors: P(read 1 | prepared 0) and P(read 0 | prepared 1). The
 * confusion matrix maps true to read probabilities, columns = prepared, rows = read.
 */
public record ReadoutConfusion(double p1Given0, double p0Given1) {

    public ReadoutConfusion {
        if (!(p1Given0 >= 0 && p1Given0 <= 1) || !(p0Given1 >= 0 && p0Given1 <= 1)) {
            throw new AnalysisException("readout error probabilities lie in [0, 1], not P(1|0) = " + p1Given0 + ", P(0|1) = "
                    + p0Given1);
        }
        if (p1Given0 + p0Given1 >= 1) {
            throw new AnalysisException("P(1|0) + P(0|1) = " + (p1Given0 + p0Given1)
                    + " ≥ 1: such a readout carries no information and cannot be inverted");
        }
    }

    public static ReadoutConfusion of(QubitCalibration qubit) {
        return new ReadoutConfusion(qubit.p1Given0(), qubit.p0Given1());
    }

    /** The confusions of the qubits each classical bit measures: {@code qubitOfClbit[k]} is measured into bit k. */
    public static List<ReadoutConfusion> forMeasuredQubits(Calibration calibration, int... qubitOfClbit) {
        List<ReadoutConfusion> out = new ArrayList<>(qubitOfClbit.length);
        for (int k = 0; k < qubitOfClbit.length; k++) {
            int q = qubitOfClbit[k];
            if (q < 0 || q >= calibration.qubits().size()) {
                throw new AnalysisException("classical bit " + k + " is measured from qubit " + q + " but " + calibration.device()
                        + " has qubits 0 to " + (calibration.qubits().size() - 1));
            }
            out.add(of(calibration.qubits().get(q)));
        }
        return out;
    }

    /** 1 − P(1|0) − P(0|1): the determinant of the 2×2 confusion matrix. */
    double determinant() {
        return 1 - p1Given0 - p0Given1;
    }
}
