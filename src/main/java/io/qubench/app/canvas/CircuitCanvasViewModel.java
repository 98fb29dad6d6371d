package io.qubench.app.canvas;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.qubench.app.edit.AddClassicalRegister;
import io.qubench.app.edit.AddOperation;
import io.qubench.app.edit.AddQubit;
import io.qubench.app.edit.Batch;
import io.qubench.app.edit.CircuitDocument;
import io.qubench.app.edit.CommandManager;
import io.qubench.app.edit.EditCommand;
import io.qubench.app.edit.MoveOperation;
import io.qubench.app.edit.Operations;
import io.qubench.app.edit.RemoveOperations;
import io.qubench.app.edit.RemoveQubit;
import io.qubench.app.edit.ReplaceOperation;
import io.qubench.circuit.Circuit;
import io.qubench.circuit.Expression;
import io.qubench.circuit.Gates;
import io.qubench.circuit.Matrix;
import io.qubench.circuit.Operation;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.UserInputException;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * State of the circuit canvas: the layout of the document's circuit, the selection, the
 * selected wire, zoom and the keyboard-placement text. Every change to the circuit goes
 * through the {@link CommandManager} as one undoable command. Holds no nodes.
 */
public final class CircuitCanvasViewModel {

    private final CircuitDocument document;
    private final CommandManager commands;
    private final Consumer<String> problems;

    private final ReadOnlyObjectWrapper<CircuitLayout> layout = new ReadOnlyObjectWrapper<>(this, "layout");
    private final ReadOnlyObjectWrapper<GatePalette> palette = new ReadOnlyObjectWrapper<>(this, "palette", GatePalette.forCircuit(null));
    private final ObservableSet<Integer> selection = FXCollections.observableSet(new LinkedHashSet<>());
    private final IntegerProperty selectedWire = new SimpleIntegerProperty(this, "selectedWire", -1);
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1.0);
    private final ReadOnlyStringWrapper typed = new ReadOnlyStringWrapper(this, "typed", "");
    private List<Operation> clipboard = List.of();
    private boolean editing;

    /** {@code problems} receives the message of an edit that was refused. */
    public CircuitCanvasViewModel(CircuitDocument document, CommandManager commands, Consumer<String> problems) {
        this.document = document;
        this.commands = commands;
        this.problems = problems;
        document.stateProperty().addListener((obs, old, state) -> circuitChanged());
        circuitChanged();
    }

    private void circuitChanged() {
        Circuit c = circuit();
        layout.set(c == null ? null : CircuitLayout.of(c));
        palette.set(GatePalette.forCircuit(c));
        if (!editing) {
            selection.clear();
        }
        if (c == null || selectedWire.get() >= c.numQubits()) {
            selectedWire.set(-1);
        }
    }

    public Circuit circuit() {
        return document.state() == null ? null : document.circuit();
    }

    // ---- placing ----

    /**
     * Places a palette entry dropped on {@code row} at {@code column}: a gate of k qubits goes
     * on that wire and the k−1 below it (above, near the bottom), a barrier on every qubit.
     */
    public boolean drop(String entryId, int row, int column) {
        return attempt(() -> {
            Circuit c = requireCircuit();
            GatePalette.Entry e = entry(entryId);
            requireQubitRow(row, c);
            if (e.kind() == GatePalette.Kind.MEASURE && c.numClbits() == 0) {
                CircuitLayout l = layout.get();
                measureIntoNewRegister(c, row, l.insertionIndex(Math.max(0, column), row, l.rows() - 1));
                return;
            }
            List<Integer> qubits;
            if (e.kind() == GatePalette.Kind.BARRIER) {
                qubits = IntStream.range(0, c.numQubits()).boxed().toList();
            } else {
                int k = requireFits(e, c);
                int first = Math.min(row, c.numQubits() - k);
                qubits = IntStream.range(first, first + k).boxed().toList();
            }
            placeAt(e.operationOn(qubits, c), column);
        });
    }

    /**
     * Places an entry dragged across wires from {@code fromRow} to {@code toRow}: its first
     * qubit on the first wire, its last on the other, any between on the wires next to the first.
     */
    public boolean placeAcross(String entryId, int fromRow, int toRow, int column) {
        if (fromRow == toRow) {
            return drop(entryId, fromRow, column);
        }
        return attempt(() -> {
            Circuit c = requireCircuit();
            GatePalette.Entry e = entry(entryId);
            requireQubitRow(fromRow, c);
            requireQubitRow(toRow, c);
            int k = requireFits(e, c);
            if (e.kind() != GatePalette.Kind.GATE || k == 1) {
                placeAt(e.operationOn(List.of(toRow), c), column);
                return;
            }
            int step = toRow > fromRow ? 1 : -1;
            if (Math.abs(toRow - fromRow) < k - 1) {
                throw new UserInputException(e.label() + " needs " + k + " qubits: drag across " + k + " wires");
            }
            List<Integer> qubits = new ArrayList<>();
            for (int i = 0; i < k - 1; i++) {
                qubits.add(fromRow + i * step);
            }
            qubits.add(toRow);
            placeAt(e.operationOn(qubits, c), column);
        });
    }

    /** Places an entry on qubits the user chose, in the entry's argument order. */
    public boolean placeOn(String entryId, List<Integer> qubits, int column) {
        return attempt(() -> {
            Circuit c = requireCircuit();
            GatePalette.Entry e = entry(entryId);
            for (int q : qubits) {
                requireQubitRow(q, c);
            }
            placeAt(e.operationOn(qubits, c), column);
        });
    }

    /** A first measurement: adds a register c with a bit per qubit, then measures into the qubit's bit, as one edit. */
    private void measureIntoNewRegister(Circuit c, int qubit, int index) {
        String name = freeRegisterName(c);
        run(new Batch("Add measure", List.of(new AddClassicalRegister(document, name, c.numQubits()),
                new AddOperation(document, index, new Operation.Measurement(qubit, qubit)))));
        select(Set.of(index));
    }

    private static String freeRegisterName(Circuit c) {
        Set<String> taken = new java.util.HashSet<>();
        c.quantumRegisters().forEach(r -> taken.add(r.name()));
        c.classicalRegisters().forEach(r -> taken.add(r.name()));
        String name = "c";
        for (int i = 1; taken.contains(name); i++) {
            name = "c" + i;
        }
        return name;
    }

    private void placeAt(Operation op, int column) {
        CircuitLayout l = layout.get();
        int[] rows = l.rowsCovered(op);
        int index = l.insertionIndex(Math.max(0, column), rows[0], rows[1]);
        run(new AddOperation(document, index, op));
        select(Set.of(index));
    }

    // ---- moving ----

    /**
     * Moves an operation grabbed on {@code grabbedRow} to {@code targetRow} and {@code column}:
     * all its qubits shift by the same number of wires, or with {@code onlyGrabbedQubit} only
     * the grabbed one goes to the target wire (exchanging places with a qubit already there).
     */
    public boolean move(int operation, int grabbedRow, int targetRow, int column, boolean onlyGrabbedQubit) {
        return attempt(() -> {
            Circuit c = requireCircuit();
            Operation op = operationAt(c, operation);
            requireQubitRow(targetRow, c);
            List<Integer> qubits = new ArrayList<>(op.qubits());
            int grabbed = qubits.indexOf(grabbedRow);
            if (onlyGrabbedQubit && grabbed >= 0) {
                int other = qubits.indexOf(targetRow);
                if (other >= 0) {
                    qubits.set(other, grabbedRow);
                }
                qubits.set(grabbed, targetRow);
            } else {
                int delta = targetRow - (grabbed >= 0 ? grabbedRow : op.qubits().getFirst());
                for (int i = 0; i < qubits.size(); i++) {
                    int q = qubits.get(i) + delta;
                    if (q < 0 || q >= c.numQubits()) {
                        throw new UserInputException(Operations.name(op) + " does not fit there: it would need qubit " + q);
                    }
                    qubits.set(i, q);
                }
            }
            relocate(c, operation, qubits, column);
        });
    }

    /** Puts an operation on qubits typed as "0, 2" (same order as its arguments), keeping its column. */
    public boolean setQubits(int operation, String text) {
        return attempt(() -> {
            Circuit c = requireCircuit();
            Operation op = operationAt(c, operation);
            List<Integer> qubits = parseQubits(text, c);
            if (qubits.size() != op.qubits().size()) {
                throw new UserInputException(Operations.name(op) + " needs " + op.qubits().size() + " qubit(s), not " + qubits.size()
                        + " ('" + text.strip() + "')");
            }
            relocate(c, operation, qubits, layout.get().columnOf(operation));
        });
    }

    private void relocate(Circuit c, int operation, List<Integer> qubits, int column) {
        List<Operation> others = new ArrayList<>(c.operations());
        Operation moved = Operations.onQubits(others.remove(operation), qubits);
        CircuitLayout without = CircuitLayout.of(c.withOperations(others));
        int[] rows = without.rowsCovered(moved);
        int to = without.insertionIndex(Math.max(0, column), rows[0], rows[1]);
        if (to == operation && moved.equals(c.operations().get(operation))) {
            return;
        }
        run(new MoveOperation(document, operation, to, qubits));
        select(Set.of(to));
    }

    // ---- parameters ----

    /** The parameters of a gate as editable text: {@code pi/2, theta}. */
    public String parametersText(int operation) {
        Operation op = operationAt(requireCircuit(), operation);
        return op instanceof GateOperation g ? g.params().stream().map(Expression::toQasm).collect(Collectors.joining(", ")) : "";
    }

    public boolean hasParameters(int operation) {
        Circuit c = circuit();
        return c != null && operation >= 0 && operation < c.operations().size()
                && c.operations().get(operation) instanceof GateOperation g && g.gate().numParams() > 0;
    }

    /** Sets a gate's angles from text such as {@code pi/4} or {@code theta, 0, pi}. */
    public boolean editParameters(int operation, String text) {
        return attempt(() -> {
            Circuit c = requireCircuit();
            if (!(operationAt(c, operation) instanceof GateOperation g) || g.gate().numParams() == 0) {
                throw new UserInputException("operation " + (operation + 1) + " has no angles to edit");
            }
            List<Expression> params = parseParameters(text);
            if (params.size() != g.gate().numParams()) {
                throw new UserInputException(g.gate().qasmName() + " takes " + g.gate().numParams() + " angle(s), not "
                        + params.size() + " ('" + text.strip() + "')");
            }
            run(new ReplaceOperation(document, operation, new GateOperation(g.gate(), params, g.qubits(), g.conditionOrNull()),
                    "Edit angle of " + g.gate().qasmName()));
            select(Set.of(operation));
        });
    }

    private static List<Expression> parseParameters(String text) {
        List<Expression> out = new ArrayList<>();
        for (String part : splitTopLevel(text)) {
            try {
                out.add(Expression.parse(part.strip()));
            } catch (UserInputException e) {
                throw new UserInputException("angle '" + part.strip() + "': " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** Splits at commas outside parentheses, so {@code atan(1), 2} is two parameters. */
    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    // ---- selection, delete, copy, paste ----

    public ObservableSet<Integer> selection() {
        return selection;
    }

    public void select(Set<Integer> operations) {
        selection.clear();
        selection.addAll(operations);
    }

    public void toggle(int operation) {
        if (!selection.remove(operation)) {
            selection.add(operation);
        }
    }

    public void selectAll() {
        Circuit c = circuit();
        select(c == null ? Set.of() : IntStream.range(0, c.operations().size()).boxed().collect(Collectors.toSet()));
    }

    public void clearSelection() {
        selection.clear();
    }

    /** Selects the operations a rubber band over these cells touches. */
    public void selectWithin(int fromCol, int toCol, int fromRow, int toRow) {
        CircuitLayout l = layout.get();
        if (l != null) {
            select(new LinkedHashSet<>(l.operationsWithin(Math.min(fromCol, toCol), Math.max(fromCol, toCol),
                    Math.min(fromRow, toRow), Math.max(fromRow, toRow))));
        }
    }

    public boolean deleteSelection() {
        if (selection.isEmpty()) {
            return false;
        }
        Set<Integer> doomed = Set.copyOf(selection);
        return attempt(() -> {
            run(new RemoveOperations(document, doomed));
            selection.clear();
        });
    }

    public void copySelection() {
        Circuit c = circuit();
        if (c != null && !selection.isEmpty()) {
            clipboard = selection.stream().sorted().map(c.operations()::get).toList();
        }
    }

    public boolean canPaste() {
        return !clipboard.isEmpty();
    }

    /** Appends the copied operations after everything on their wires, as one undoable paste. */
    public boolean paste() {
        if (clipboard.isEmpty()) {
            return false;
        }
        return attempt(() -> {
            int start = requireCircuit().operations().size();
            List<EditCommand> adds = new ArrayList<>();
            for (int i = 0; i < clipboard.size(); i++) {
                adds.add(new AddOperation(document, start + i, clipboard.get(i)));
            }
            run(new Batch(clipboard.size() == 1 ? "Paste " + Operations.name(clipboard.getFirst())
                    : "Paste " + clipboard.size() + " operations", adds));
            select(IntStream.range(start, start + clipboard.size()).boxed().collect(Collectors.toSet()));
        });
    }

    // ---- qubits ----

    public boolean addQubit() {
        return attempt(() -> {
            requireCircuit();
            run(new AddQubit(document));
        });
    }

    /** Removes the selected wire, or the last one when none is selected. */
    public boolean removeQubit() {
        return attempt(() -> {
            Circuit c = requireCircuit();
            int q = selectedWire.get() >= 0 ? selectedWire.get() : c.numQubits() - 1;
            run(new RemoveQubit(document, q));
        });
    }

    public IntegerProperty selectedWireProperty() {
        return selectedWire;
    }

    // ---- keyboard placement ----

    /** What has been typed so far for keyboard placement ("cx 1"). */
    public ReadOnlyStringProperty typedProperty() {
        return typed.getReadOnlyProperty();
    }

    public void type(String characters) {
        typed.set(typed.get() + characters);
    }

    public void backspace() {
        String t = typed.get();
        typed.set(t.isEmpty() ? t : t.substring(0, t.length() - 1));
    }

    public void clearTyped() {
        typed.set("");
    }

    /**
     * Places what was typed on the selected wire, after everything on its wires: {@code h},
     * {@code rz(pi/4)}, {@code cx 1} (control on the selected wire, target q[1]) or all qubits
     * given ({@code ccx 0 1 2}). The wire stays selected for the next one.
     */
    public boolean placeTyped() {
        String text = typed.get().strip();
        if (text.isEmpty()) {
            return false;
        }
        boolean placed = attempt(() -> {
            Circuit c = requireCircuit();
            String name = text;
            String params = null;
            String rest = "";
            int paren = text.indexOf('(');
            int space = text.indexOf(' ');
            if (paren >= 0 && (space < 0 || paren < space)) {
                int close = text.lastIndexOf(')');
                if (close < paren) {
                    throw new UserInputException("'" + text + "': missing ')'");
                }
                name = text.substring(0, paren).strip();
                params = text.substring(paren + 1, close);
                rest = text.substring(close + 1);
            } else if (space >= 0) {
                name = text.substring(0, space);
                rest = text.substring(space);
            }
            String key = name.toLowerCase(Locale.ROOT);
            GatePalette.Entry e = palette.get().named(key.equals("m") ? "measure" : key)
                    .orElseThrow(() -> new UserInputException("'" + text + "': no gate named '" + text.split("[ (]")[0] + "'"));
            List<Integer> given = rest.isBlank() ? List.of() : parseQubits(rest, c);
            if (e.kind() == GatePalette.Kind.MEASURE && c.numClbits() == 0 && given.size() <= 1) {
                if (given.isEmpty()) {
                    requireSelectedWire(text);
                }
                measureIntoNewRegister(c, given.isEmpty() ? selectedWire.get() : given.getFirst(), c.operations().size());
                return;
            }
            int k = e.kind() == GatePalette.Kind.BARRIER ? c.numQubits() : requireFits(e, c);
            List<Integer> qubits;
            if (given.size() == k) {
                qubits = given;
            } else if (given.size() == k - 1) {
                requireSelectedWire(text);
                qubits = new ArrayList<>(List.of(selectedWire.get()));
                qubits.addAll(given);
            } else if (e.kind() == GatePalette.Kind.BARRIER && given.isEmpty()) {
                qubits = IntStream.range(0, k).boxed().toList();
            } else {
                throw new UserInputException("'" + text + "': " + e.label() + " needs " + k + " qubit(s), "
                        + (k - 1) + " after the selected wire");
            }
            Operation op = e.operationOn(qubits, c);
            if (params != null) {
                List<Expression> values = parseParameters(params);
                if (!(op instanceof GateOperation g) || values.size() != g.gate().numParams()) {
                    throw new UserInputException("'" + text + "': " + e.label() + " takes "
                            + (op instanceof GateOperation g2 ? g2.gate().numParams() : 0) + " angle(s)");
                }
                op = new GateOperation(g.gate(), values, g.qubits());
            }
            int index = c.operations().size();
            run(new AddOperation(document, index, op));
            select(Set.of(index));
        });
        if (placed) {
            typed.set("");
        }
        return placed;
    }

    private void requireSelectedWire(String text) {
        if (selectedWire.get() < 0) {
            throw new UserInputException("'" + text + "': select a wire first (click its label), or give every qubit");
        }
    }

    private static List<Integer> parseQubits(String text, Circuit c) {
        List<Integer> out = new ArrayList<>();
        for (String part : text.strip().split("[\\s,]+")) {
            if (part.isEmpty()) {
                continue;
            }
            String digits = part.replaceAll("^[A-Za-z_]\\w*\\[(\\d+)]$", "$1");
            int q;
            try {
                q = Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                throw new UserInputException("'" + part + "' is not a qubit number");
            }
            requireQubitRow(q, c);
            out.add(q);
        }
        return out;
    }

    // ---- hover ----

    /** What hovering shows: the operation, its qubits and, for a gate with known angles, its matrix. */
    public String describe(int operation) {
        Circuit c = circuit();
        if (c == null || operation < 0 || operation >= c.operations().size()) {
            return "";
        }
        Operation op = c.operations().get(operation);
        String where = op.qubits().stream().map(c::qubitLabel).collect(Collectors.joining(", "));
        StringBuilder out = new StringBuilder();
        switch (op) {
            case GateOperation g -> {
                out.append(g.gate().qasmName());
                if (!g.params().isEmpty()) {
                    out.append('(').append(parametersText(operation)).append(')');
                }
                out.append(' ').append(where);
                if (g.params().stream().allMatch(Expression::isConstant)) {
                    try {
                        Matrix m = Gates.matrix(g.gate(), g.paramValues(java.util.Map.of()));
                        out.append("\n\n").append(m);
                    } catch (UserInputException e) {
                        out.append("\n\n").append(e.getMessage());
                    }
                } else {
                    out.append("\n\nThe matrix depends on ").append(String.join(", ", g.params().stream()
                            .flatMap(p -> p.symbols().stream()).distinct().toList()));
                }
            }
            case Operation.Measurement m -> out.append("measure ").append(where).append(" → ").append(c.clbitLabel(m.clbit()));
            case Operation.Reset r -> out.append("reset ").append(where).append(" to |0⟩");
            case Operation.Barrier b -> out.append("barrier ").append(where);
        }
        op.condition().ifPresent(cond -> out.insert(0, "if (" + cond.toQasm() + ") "));
        return out.toString();
    }

    // ---- zoom ----

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public CanvasMetrics metrics() {
        return new CanvasMetrics(zoom.get());
    }

    public void zoomIn() {
        zoom.set(Math.min(CanvasMetrics.MAX_ZOOM, round(zoom.get() * 1.25)));
    }

    public void zoomOut() {
        zoom.set(Math.max(CanvasMetrics.MIN_ZOOM, round(zoom.get() / 1.25)));
    }

    public void resetZoom() {
        zoom.set(1.0);
    }

    private static double round(double z) {
        return Math.round(z * 100) / 100.0;
    }

    public ReadOnlyObjectProperty<CircuitLayout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<GatePalette> paletteProperty() {
        return palette.getReadOnlyProperty();
    }

    // ---- helpers ----

    private boolean attempt(Runnable edit) {
        try {
            edit.run();
            return true;
        } catch (UserInputException e) {
            problems.accept(e.getMessage());
            return false;
        }
    }

    /** Runs a command keeping the selection the caller sets afterwards. */
    private void run(EditCommand command) {
        editing = true;
        try {
            commands.execute(command);
        } finally {
            editing = false;
        }
    }

    private Circuit requireCircuit() {
        Circuit c = circuit();
        if (c == null) {
            throw new UserInputException("there is no circuit yet: open a file or type OpenQASM");
        }
        return c;
    }

    private GatePalette.Entry entry(String id) {
        return palette.get().entry(id).orElseThrow(() -> new UserInputException("no gate '" + id + "' in the palette"));
    }

    private static Operation operationAt(Circuit c, int operation) {
        if (operation < 0 || operation >= c.operations().size()) {
            throw new UserInputException("operation " + (operation + 1) + " does not exist: the circuit has "
                    + c.operations().size());
        }
        return c.operations().get(operation);
    }

    private static void requireQubitRow(int row, Circuit c) {
        if (row < 0 || row >= c.numQubits()) {
            throw new UserInputException("q[" + row + "] is not a qubit: the circuit has "
                    + c.numQubits() + " (" + (c.numQubits() == 0 ? "none" : "0…" + (c.numQubits() - 1)) + ")");
        }
    }

    private static int requireFits(GatePalette.Entry e, Circuit c) {
        int k = e.qubits();
        if (k > c.numQubits()) {
            throw new UserInputException(e.label() + " needs " + k + " qubits; the circuit has " + c.numQubits()
                    + ": add a qubit first");
        }
        return k;
    }
}
