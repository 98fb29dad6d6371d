package io.qubench.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.qubench.backend.credentials.CredentialException;
import io.qubench.backend.credentials.Credentials;
import io.qubench.backend.remote.ProviderSettings;
import io.qubench.circuit.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qubench credentials}: provider keys (kept in the keyring or an encrypted file, never
 * echoed nor taken as an argument, where shell history would keep them) and the providers'
 * non-secret settings.
 */
@Command(name = "credentials", mixinStandardHelpOptions = true,
        description = "Provider API keys and settings: status, set, forget, configure.",
        subcommands = {CredentialsCommand.Status.class, CredentialsCommand.Set.class, CredentialsCommand.Forget.class,
                CredentialsCommand.Configure.class})
final class CredentialsCommand {

    static final List<String> ACCOUNTS = List.of("ibm", "ionq");
    /** Where a passphrase for the encrypted key file comes from when there is no terminal to ask in. */
    static final String PASSPHRASE_VARIABLE = "QUBENCH_PASSPHRASE";

    private CredentialsCommand() {
    }

    static Credentials credentials(Path dataDir) {
        return Credentials.open(dataDir, CredentialsCommand::passphrase);
    }

    private static char[] passphrase() {
        String fromEnvironment = System.getenv(PASSPHRASE_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new CredentialException("This machine has no keyring, so keys are kept in an encrypted file; give its passphrase in "
                    + PASSPHRASE_VARIABLE + " or run the command in a terminal");
        }
        char[] typed = console.readPassword("Passphrase for the encrypted key file: ");
        if (typed == null || typed.length == 0) {
            throw new CredentialException("No passphrase given");
        }
        return typed;
    }

    static void checkAccount(String account) {
        if (!ACCOUNTS.contains(account)) {
            throw new UserInputException("unknown account '" + account + "': choose one of " + String.join(", ", ACCOUNTS)
                    + " (Amazon Braket uses the AWS credentials of ~/.aws or the environment)");
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Say, for each provider, whether a key is set and where it comes from.")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DataDirOption dataDir;

        @Override
        public Integer call() {
            Path dir = dataDir.path();
            Credentials credentials = credentials(dir);
            PrintWriter out = spec.commandLine().getOut();
            for (String account : ACCOUNTS) {
                out.printf("%-7s %s%n", account, credentials.source(account));
            }
            out.printf("%-7s %s%n", "braket", io.qubench.backend.remote.braket.BraketTasks.awsCredentialsFound()
                    ? "AWS credentials found (environment or ~/.aws)" : "no AWS credentials found");
            ProviderSettings settings = ProviderSettings.load(dir, System.getenv());
            out.println("settings (" + dir.resolve(ProviderSettings.FILE_NAME) + "): ibmInstanceCrn="
                    + (settings.ibmInstanceCrn() == null ? "not set" : settings.ibmInstanceCrn()) + ", ibmRegion=" + settings.ibmRegion()
                    + ", braketRegion=" + settings.braketRegion() + ", braketBucket="
                    + (settings.braketBucket() == null ? "not set" : settings.braketBucket()));
            return 0;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Keep the API key for ACCOUNT, read from the terminal without echo, or from standard input's first line.")
    static final class Set implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ACCOUNT", description = "ibm or ionq")
        String account;

        @Mixin
        DataDirOption dataDir;

        @Override
        public Integer call() throws IOException {
            checkAccount(account);
            Console console = System.console();
            String key;
            if (console != null) {
                char[] typed = console.readPassword("API key for %s: ", account);
                key = typed == null ? "" : new String(typed);
            } else {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                key = line == null ? "" : line;
            }
            Credentials credentials = credentials(dataDir.path());
            credentials.save(account, key);
            spec.commandLine().getOut().println("key for " + account + " kept in " + credentials.source(account));
            return 0;
        }
    }

    @Command(name = "forget", mixinStandardHelpOptions = true, description = "Remove the kept API key for ACCOUNT.")
    static final class Forget implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ACCOUNT", description = "ibm or ionq")
        String account;

        @Mixin
        DataDirOption dataDir;

        @Override
        public Integer call() {
            checkAccount(account);
            credentials(dataDir.path()).forget(account);
            spec.commandLine().getOut().println("key for " + account + " forgotten");
            return 0;
        }
    }

    @Command(name = "configure", mixinStandardHelpOptions = true,
            description = "Set a provider setting: ibmInstanceCrn, ibmRegion (us-east, eu-de), braketRegion, braketBucket, braketPrefix.")
    static final class Configure implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "SETTING")
        String setting;

        @Parameters(index = "1", paramLabel = "VALUE")
        String value;

        @Mixin
        DataDirOption dataDir;

        @Override
        public Integer call() {
            Path dir = dataDir.path();
            ProviderSettings s = ProviderSettings.load(dir, java.util.Map.of());
            ProviderSettings changed = switch (setting) {
                case "ibmInstanceCrn" -> new ProviderSettings(value, s.ibmRegion(), s.braketRegion(), s.braketBucket(), s.braketPrefix());
                case "ibmRegion" -> {
                    if (!value.equals("us-east") && !value.equals("eu-de")) {
                        throw new UserInputException("ibmRegion must be us-east or eu-de, not '" + value + "'");
                    }
                    yield new ProviderSettings(s.ibmInstanceCrn(), value, s.braketRegion(), s.braketBucket(), s.braketPrefix());
                }
                case "braketRegion" -> new ProviderSettings(s.ibmInstanceCrn(), s.ibmRegion(), value, s.braketBucket(), s.braketPrefix());
                case "braketBucket" -> new ProviderSettings(s.ibmInstanceCrn(), s.ibmRegion(), s.braketRegion(), value, s.braketPrefix());
                case "braketPrefix" -> new ProviderSettings(s.ibmInstanceCrn(), s.ibmRegion(), s.braketRegion(), s.braketBucket(), value);
                default -> throw new UserInputException("unknown setting '" + setting
                        + "': choose ibmInstanceCrn, ibmRegion, braketRegion, braketBucket or braketPrefix");
            };
            changed.save(dir);
            spec.commandLine().getOut().println(setting + " = " + value + " (" + dir.resolve(ProviderSettings.FILE_NAME) + ")");
            return 0;
        }
    }
}
