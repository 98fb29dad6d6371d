package io.qubench.analysis;

import io.qubench.circuit.UserInputException;

/** Input the analysis cannot work with: an empty distribution, a bad level, mismatched widths. */
public class AnalysisException extends UserInputException {

    public AnalysisException(String message) {
        super(message);
    }
}
