package io.qubench.circuit;

import java.util.regex.Pattern;

/** Rules for the names of registers, gates and parameters (those of OpenQASM identifiers). */
final class Names {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Names() {
    }

    static void requireIdentifier(String name, String what) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new CircuitException(what + " name '" + name + "' is not a valid identifier");
        }
    }
}
