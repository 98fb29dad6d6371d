package io.qubench.app.canvas;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.ClassicalRegister;
import io.qubench.circuit.Operation;

/**
 * Where each operation of a circuit is drawn: rows are the qubits, then one double line per
 * classical register; columns are packed automatically, an operation going into the first
 * column free on every row its vertical extent crosses (a CX from q[0] to q[2] blocks q[1],
 * a measurement blocks the rows down to its classical register). Pure and immutable.
 */
public final class CircuitLayout {

    private final int qubitRows;
    private final List<ClassicalRegister> registers;
    private final int[] column;
    private final int[] top;
    private final int[] bottom;
    private final int columns;
    private final int[][] byColumn;

    private CircuitLayout(Circuit circuit) {
        qubitRows = circuit.numQubits();
        registers = circuit.classicalRegisters();
        List<Operation> ops = circuit.operations();
        column = new int[ops.size()];
        top = new int[ops.size()];
        bottom = new int[ops.size()];
        int[] nextFree = new int[rows()];
        int width = 0;
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            int[] span = rowsCovered(op);
            top[i] = span[0];
            bottom[i] = span[1];
            int col = 0;
            for (int r = top[i]; r <= bottom[i]; r++) {
                col = Math.max(col, nextFree[r]);
            }
            for (int r = top[i]; r <= bottom[i]; r++) {
                nextFree[r] = col + 1;
            }
            column[i] = col;
            width = Math.max(width, col + 1);
        }
        columns = width;
        byColumn = groupByColumn();
    }

    public static CircuitLayout of(Circuit circuit) {
        return new CircuitLayout(circuit);
    }

    /**
     * The first and last row an operation's drawing covers in this circuit's rows, whether or
     * not it is in the circuit yet: its qubits, the register of its classical bit and of its condition.
     */
    public int[] rowsCovered(Operation op) {
        int from = Integer.MAX_VALUE;
        int to = Integer.MIN_VALUE;
        List<Integer> rows = new ArrayList<>(op.qubits());
        for (int c : op.clbits()) {
            rows.add(rowOfClbit(c));
        }
        op.condition().ifPresent(cond -> rows.add(qubitRows + registers.indexOf(cond.register())));
        for (int r : rows) {
            from = Math.min(from, r);
            to = Math.max(to, r);
        }
        return new int[] {from, to};
    }

    private int[][] groupByColumn() {
        int[] counts = new int[columns];
        for (int c : column) {
            counts[c]++;
        }
        int[][] out = new int[columns][];
        for (int c = 0; c < columns; c++) {
            out[c] = new int[counts[c]];
        }
        int[] fill = new int[columns];
        for (int i = 0; i < column.length; i++) {
            out[column[i]][fill[column[i]]++] = i;
        }
        return out;
    }

    /** Qubit rows then classical-register rows. */
    public int rows() {
        return qubitRows + registers.size();
    }

    public int qubitRows() {
        return qubitRows;
    }

    public int columns() {
        return columns;
    }

    public int operations() {
        return column.length;
    }

    public int columnOf(int operation) {
        return column[operation];
    }

    /** First row the operation's drawing covers. */
    public int topOf(int operation) {
        return top[operation];
    }

    /** Last row the operation's drawing covers (its classical register for a measurement). */
    public int bottomOf(int operation) {
        return bottom[operation];
    }

    /** The row of the classical register that holds {@code clbit}. */
    public int rowOfClbit(int clbit) {
        for (int r = 0; r < registers.size(); r++) {
            if (registers.get(r).contains(clbit)) {
                return qubitRows + r;
            }
        }
        throw new IllegalArgumentException("classical bit " + clbit + " is in no register");
    }

    /** Operations drawn in a column, in list order; empty past the last column. */
    public int[] operationsIn(int col) {
        return col >= 0 && col < columns ? byColumn[col].clone() : new int[0];
    }

    /** The operation whose drawing covers the cell, or -1. */
    public int operationAt(int col, int row) {
        if (col < 0 || col >= columns) {
            return -1;
        }
        for (int i : byColumn[col]) {
            if (row >= top[i] && row <= bottom[i]) {
                return i;
            }
        }
        return -1;
    }

    /** Operations whose cells meet the rectangle of columns and rows (both inclusive), in list order. */
    public List<Integer> operationsWithin(int fromCol, int toCol, int fromRow, int toRow) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < column.length; i++) {
            if (column[i] >= fromCol && column[i] <= toCol && bottom[i] >= fromRow && top[i] <= toRow) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * Where in the operation list a new operation covering rows {@code fromRow..toRow} goes so
     * that it is drawn in column {@code col} or, when the rows are free earlier, packed left of
     * it: right after the last operation on those rows that lies before the column.
     */
    public int insertionIndex(int col, int fromRow, int toRow) {
        int last = -1;
        for (int i = 0; i < column.length; i++) {
            if (column[i] < col && bottom[i] >= fromRow && top[i] <= toRow) {
                last = i;
            }
        }
        return last + 1;
    }

    @Override
    public String toString() {
        return "CircuitLayout[" + rows() + " rows, " + columns + " columns, " + Arrays.toString(column) + "]";
    }
}
