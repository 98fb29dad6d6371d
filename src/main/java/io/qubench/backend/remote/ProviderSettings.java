package io.qubench.backend.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.qubench.circuit.UserInputException;

/**
 * What the provider adapters need besides keys, kept as {@code providers.json} in the data
 * directory: IBM's instance CRN and region, Braket's region and the S3 bucket it writes results
 * to. Nothing secret lives here; keys go to {@link io.qubench.backend.credentials.Credentials}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProviderSettings(String ibmInstanceCrn, String ibmRegion, String braketRegion, String braketBucket,
        String braketPrefix) {

    public static final String FILE_NAME = "providers.json";

    public ProviderSettings {
        ibmRegion = blank(ibmRegion) ? "us-east" : ibmRegion;
        braketRegion = blank(braketRegion) ? "us-east-1" : braketRegion;
        braketPrefix = blank(braketPrefix) ? "qubench" : braketPrefix;
    }

    public static ProviderSettings defaults() {
        return new ProviderSettings(null, null, null, null, null);
    }

    /**
     * The settings in {@code dataDirectory}, with the environment's {@code QISKIT_IBM_INSTANCE}
     * (as Qiskit reads it) taking the place of a CRN not in the file.
     */
    public static ProviderSettings load(Path dataDirectory, Map<String, String> environment) {
        Path file = dataDirectory.resolve(FILE_NAME);
        ProviderSettings read = defaults();
        if (Files.exists(file)) {
            try {
                read = new ObjectMapper().readValue(file.toFile(), ProviderSettings.class);
            } catch (JacksonException e) {
                throw new UserInputException(file + ": not valid provider settings: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw new UserInputException(file + ": cannot be read: " + e.getMessage());
            }
        }
        String crn = environment.get("QISKIT_IBM_INSTANCE");
        if (blank(read.ibmInstanceCrn()) && !blank(crn)) {
            read = new ProviderSettings(crn, read.ibmRegion(), read.braketRegion(), read.braketBucket(), read.braketPrefix());
        }
        return read;
    }

    public void save(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDirectory);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot be written: " + e.getMessage());
        }
    }

    /** The value of a setting a provider needs, or an error saying where to set it. */
    static String required(String value, String field, String provider, Path dataDirectory) {
        if (blank(value)) {
            throw new UserInputException(provider + " needs \"" + field + "\": set it with `qubench credentials configure "
                    + field + " VALUE` (kept in " + dataDirectory.resolve(FILE_NAME) + ")");
        }
        return value;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
