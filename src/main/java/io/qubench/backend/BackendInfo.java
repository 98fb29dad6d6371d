package io.qubench.backend;

/**
 * A backend as it describes itself.
 *
 * @param name                the name users give it, e.g. {@code emulator:manila}
 * @param qubits              the most qubits a circuit may have
 * @param maxShots            the most shots one job may ask for
 * @param queueLength         jobs waiting or running there now
 * @param calibrationFidelity 1 − median two-qubit gate error of the current calibration; 1 for an ideal simulator
 */
public record BackendInfo(String name, String description, int qubits, int maxShots, BackendStatus status,
        int queueLength, double calibrationFidelity) {
}
