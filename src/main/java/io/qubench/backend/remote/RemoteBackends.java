package io.qubench.backend.remote;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

import io.qubench.backend.Backend;
import io.qubench.backend.BackendName;
import io.qubench.backend.BackendResolver;
import io.qubench.backend.credentials.Credentials;
import io.qubench.backend.remote.braket.BraketBackend;
import io.qubench.backend.remote.braket.BraketTasks;
import io.qubench.backend.remote.ibm.IbmBackend;
import io.qubench.backend.remote.ibm.IbmEndpoints;
import io.qubench.backend.remote.ibm.IbmQuantumClient;
import io.qubench.backend.remote.ionq.IonqBackend;
import io.qubench.backend.remote.ionq.IonqClient;
import io.qubench.circuit.UserInputException;
import io.qubench.device.Calibration;
import io.qubench.device.ShippedDevices;

/**
 * The providers' devices by name ({@code ibm:…}, {@code ionq:…}, {@code braket:…}), each
 * connected with the user's key and settings. A provider without a key is refused with how to
 * give one; the key is read when a call needs it, never copied into the backend.
 */
public final class RemoteBackends implements BackendResolver {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Credentials credentials;
    private final ProviderSettings settings;
    private final Path dataDirectory;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private final Consumer<Calibration> fetchedCalibrations;

    /** @param fetchedCalibrations told of each calibration a provider reports, to keep it in the calibration history */
    public RemoteBackends(Credentials credentials, ProviderSettings settings, Path dataDirectory, Consumer<Calibration> fetchedCalibrations) {
        this.credentials = credentials;
        this.settings = settings;
        this.dataDirectory = dataDirectory;
        this.fetchedCalibrations = fetchedCalibrations;
    }

    public RemoteBackends(Credentials credentials, ProviderSettings settings, Path dataDirectory) {
        this(credentials, settings, dataDirectory, c -> { });
    }

    private Boolean awsFound;

    private synchronized boolean aws() {
        if (awsFound == null) {
            awsFound = BraketTasks.awsCredentialsFound();
        }
        return awsFound;
    }

    /** Which account holds the key for {@code provider}'s backends: ibm, ionq, or braket (AWS's own chain). */
    public boolean hasCredentials(String provider) {
        return switch (provider) {
            case "braket" -> aws();
            default -> credentials.isSet(provider);
        };
    }

    @Override
    public Backend resolve(String name) {
        BackendName parsed = BackendName.parse(name);
        return switch (parsed.provider()) {
            case "ibm" -> {
                String crn = ProviderSettings.required(settings.ibmInstanceCrn(), "ibmInstanceCrn", "IBM Quantum", dataDirectory);
                IbmEndpoints endpoints = settings.ibmRegion().equals("eu-de") ? IbmEndpoints.euDe() : IbmEndpoints.usEast();
                yield new IbmBackend(ShippedDevices.load(parsed.device()),
                        new IbmQuantumClient(endpoints, key("ibm", "IBM Quantum", "QISKIT_IBM_TOKEN"), crn, http, TIMEOUT, Clock.systemUTC()),
                        fetchedCalibrations);
            }
            case "ionq" -> new IonqBackend(parsed.device(),
                    new IonqClient(IonqClient.V04, key("ionq", "IonQ", "IONQ_API_KEY"), http, TIMEOUT, Clock.systemUTC()));
            case "braket" -> {
                if (!aws()) {
                    throw new UserInputException("Amazon Braket: no AWS credentials found (environment AWS_ACCESS_KEY_ID and "
                            + "AWS_SECRET_ACCESS_KEY, or ~/.aws/credentials, as the AWS tools read them)");
                }
                String bucket = ProviderSettings.required(settings.braketBucket(), "braketBucket", "Amazon Braket", dataDirectory);
                yield new BraketBackend(parsed.device(), BraketTasks.withAwsCredentials(settings.braketRegion(), TIMEOUT), bucket,
                        settings.braketPrefix());
            }
            default -> throw new UserInputException("backend " + name + " does not run at a provider");
        };
    }

    /** The key, checked to be there now, and read again at each call so it is not kept in the backend. */
    private java.util.function.Supplier<String> key(String account, String provider, String variable) {
        if (!credentials.isSet(account)) {
            throw new UserInputException(provider + ": no API key; set " + variable + " or run `qubench credentials set " + account + "`");
        }
        return () -> credentials.key(account).orElseThrow(() -> new UserInputException(provider + ": the API key was removed"));
    }
}
