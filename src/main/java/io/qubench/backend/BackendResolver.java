package io.qubench.backend;

/** Finds the backend for a name; unknown or unavailable names are a {@link io.qubench.circuit.UserInputException}. */
@FunctionalInterface
public interface BackendResolver {

    Backend resolve(String name);
}
