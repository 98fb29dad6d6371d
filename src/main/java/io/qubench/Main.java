package io.qubench;

import io.qubench.app.WorkbenchLauncher;
import io.qubench.cli.QubenchCli;

/**
 * Entry point of {@code qubench.jar}: no arguments, or a single {@code .qasm} file, opens the
 * workbench; anything else runs the headless command line.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (opensWorkbench(args)) {
            WorkbenchLauncher.launch(args);
        } else {
            System.exit(QubenchCli.run(args));
        }
    }

    static boolean opensWorkbench(String[] args) {
        return args.length == 0 || (args.length == 1 && args[0].toLowerCase(java.util.Locale.ROOT).endsWith(".qasm"));
    }
}
