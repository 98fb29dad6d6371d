package io.qubench.qasm;

/** Kinds of OpenQASM tokens. Punctuation carries its text in {@link Lexer#text(int)}. */
enum Token {
    IDENTIFIER, INTEGER, REAL, STRING, SYMBOL, HARDWARE_QUBIT, END
}
