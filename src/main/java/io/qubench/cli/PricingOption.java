package io.qubench.cli;

import java.nio.file.Path;

import io.qubench.device.PricingTable;

/** The {@code --pricing FILE} option: the user's edited prices, or the published ones without it. */
final class PricingOption {

    static final String DESCRIPTION = "prices as JSON (write the published ones with qubench backends --write-pricing FILE "
            + "and edit them); default: the providers' published prices";

    private PricingOption() {
    }

    static PricingTable load(Path file) {
        return file == null ? PricingTable.published() : PricingTable.load(file);
    }
}
