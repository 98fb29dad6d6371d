package io.qubench.qasm;

import io.qubench.circuit.UserInputException;

/**
 * An OpenQASM file that cannot be read: the message names the source, the 1-based line and
 * column and the problem ({@code bell.qasm:4:1: unknown gate "foo"}). Whole-file problems
 * (missing, empty, binary) have line 0 and read {@code bell.qasm: file not found}.
 */
public final class QasmException extends UserInputException {

    private final String source;
    private final int line;
    private final int column;
    private final String problem;

    public QasmException(String source, int line, int column, String problem) {
        super(line > 0 ? source + ":" + line + ":" + column + ": " + problem : source + ": " + problem);
        this.source = source;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String problem() {
        return problem;
    }
}
