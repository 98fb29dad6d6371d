package io.qubench.cli;

import picocli.CommandLine.IVersionProvider;

/** The application version from the jar manifest ("dev" when run from classes). */
public final class AppVersion implements IVersionProvider {

    public static String current() {
        String v = AppVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Qubench " + current()};
    }
}
