package io.qubench.device;

import io.qubench.circuit.UserInputException;

/** A calibration or configuration file that is not what it claims, with the file and field named. */
public final class DeviceFormatException extends UserInputException {

    public DeviceFormatException(String source, String problem) {
        super(source + ": " + problem);
    }
}
