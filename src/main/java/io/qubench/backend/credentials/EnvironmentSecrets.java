package io.qubench.backend.credentials;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keys given as environment variables, the way the providers' own clients read them
 * (PROVIDERS.md §7). Read-only: a key set there is changed there.
 */
public final class EnvironmentSecrets {

    /** The variables each account is read from, first found wins. */
    static final Map<String, List<String>> VARIABLES = Map.of(
            "ibm", List.of("QISKIT_IBM_TOKEN", "IQP_API_TOKEN"),
            "ionq", List.of("IONQ_API_KEY", "QISKIT_IONQ_API_TOKEN"));

    private final Map<String, String> environment;

    public EnvironmentSecrets(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The variable that holds {@code account}'s key, if one is set. */
    public Optional<String> variableFor(String account) {
        return VARIABLES.getOrDefault(account, List.of()).stream()
                .filter(v -> environment.get(v) != null && !environment.get(v).isBlank()).findFirst();
    }

    public Optional<String> get(String account) {
        return variableFor(account).map(environment::get);
    }
}
