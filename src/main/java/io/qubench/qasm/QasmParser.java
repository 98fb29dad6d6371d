package io.qubench.qasm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.CircuitBuilder;
import io.qubench.circuit.CircuitException;
import io.qubench.circuit.ClassicalRegister;
import io.qubench.circuit.Condition;
import io.qubench.circuit.Expression;
import io.qubench.circuit.Gate;
import io.qubench.circuit.GateDefinition;
import io.qubench.circuit.Operation;
import io.qubench.circuit.QuantumRegister;
import io.qubench.circuit.StandardGate;

/**
 * Recursive-descent parser for OpenQASM 2.0 and the common subset of OpenQASM 3. Every error
 * is a {@link QasmException} at the offending token.
 */
final class QasmParser {

    private static final Set<String> UNSUPPORTED_V3 = Set.of("for", "while", "def", "let", "box", "delay", "stretch",
            "duration", "int", "uint", "bool", "array", "defcal", "cal", "defcalgrammar", "return", "switch", "extern",
            "break", "continue", "else", "output", "complex", "durationof", "end", "pragma");
    private static final Set<String> FUNCTIONS_V2 = Set.of("sin", "cos", "tan", "exp", "ln", "sqrt");
    /** Deeper nesting than any real circuit has; the limit keeps hostile input from overflowing the stack. */
    private static final int MAX_EXPRESSION_DEPTH = 256;
    /** Largest register: far beyond any simulator or device, small enough that broadcasting over it cannot exhaust memory. */
    static final int MAX_REGISTER_SIZE = 1 << 20;
    private static final double[][] SAMPLE_PARAMS = {{0.37, -1.21, 2.03, 0.59}, {-2.4, 0.8, 1.3, -0.2}};

    private final Lexer lx;
    private final String source;
    private int pos;
    private QasmVersion version = QasmVersion.V3;
    private final Map<String, Gate> gates = new HashMap<>();
    private final Map<String, QuantumRegister> qregs = new LinkedHashMap<>();
    private final Map<String, ClassicalRegister> cregs = new LinkedHashMap<>();
    private final Set<String> inputs = new HashSet<>();
    private final Map<String, Expression> constants = new HashMap<>();
    private final CircuitBuilder builder = Circuit.builder();
    private final Map<String, GateDefinition> inverses = new HashMap<>();
    private int maxPhysicalQubit = -1;
    private int expressionDepth;
    private Condition condition;
    /** Gate parameter names while parsing a definition's body; null at top level. */
    private Set<String> bodyParams;

    private QasmParser(String text, String source) {
        this.source = source;
        this.lx = Lexer.tokenize(text, source);
        gates.put("U", StandardGate.U);
        gates.put("CX", StandardGate.CX);
    }

    static Circuit parse(String text, String source) {
        QasmParser p = new QasmParser(text, source);
        return p.program();
    }

    /** Parses a file of gate definitions only (the built-in libraries), with {@code scope} callable. */
    static List<Gate> parseDefinitions(String text, String source, Map<String, Gate> scope) {
        QasmParser p = new QasmParser(text, source);
        p.version = QasmVersion.V2;
        p.gates.putAll(scope);
        List<Gate> out = new ArrayList<>();
        while (p.kind() != Token.END) {
            p.expectWord("gate");
            out.add(p.gateDefinition(p.pos - 1));
        }
        return out;
    }

    // ----------------------------------------------------------------------------------------
    // Program and statements

    private Circuit program() {
        if (isWord("OPENQASM")) {
            int at = pos++;
            String v = lx.text(pos);
            if (lx.kind(pos) != Token.REAL && lx.kind(pos) != Token.INTEGER) {
                throw error(pos, "expected a version number after OPENQASM");
            }
            if (v.startsWith("2")) {
                version = QasmVersion.V2;
            } else if (v.startsWith("3")) {
                version = QasmVersion.V3;
            } else {
                throw error(pos, "OpenQASM version " + v + " is not supported (2.0 and 3 are)");
            }
            pos++;
            expectSemicolon(at);
        } else if (lx.kind(0) == Token.END) {
            throw new QasmException(source, 0, 0, "file is empty");
        }
        while (kind() != Token.END) {
            statement();
        }
        if (maxPhysicalQubit >= 0) {
            builder.addQuantumRegister("q", maxPhysicalQubit + 1);
        }
        try {
            return builder.build();
        } catch (CircuitException e) {
            throw error(lx.size() - 1, e.getMessage());
        }
    }

    private void statement() {
        int start = pos;
        try {
            statementAt(start);
        } catch (CircuitException e) {
            throw error(start, e.getMessage());
        }
    }

    private void statementAt(int start) {
        if (kind() != Token.IDENTIFIER) {
            if (kind() == Token.SYMBOL && lx.is(pos, "}")) {
                throw error(pos, "unexpected '}'");
            }
            throw error(pos, "expected a statement, found " + describe(pos));
        }
        String word = lx.text(pos);
        if (version == QasmVersion.V3 && UNSUPPORTED_V3.contains(word)) {
            throw error(pos, "'" + word + "' is not supported by Qubench's OpenQASM 3 reader");
        }
        switch (word) {
            case "include" -> include();
            case "qreg", "creg" -> registerV2(word.equals("qreg"));
            case "qubit", "bit" -> {
                requireV3(word);
                registerV3(word.equals("qubit"));
            }
            case "gate" -> {
                pos++;
                GateDefinition d = gateDefinition(start);
                if (!(gates.get(d.name()) instanceof StandardGate)) {
                    builder.define(d);
                }
            }
            case "opaque" -> opaque(start);
            case "measure" -> measureArrow(start);
            case "reset" -> reset(start);
            case "barrier" -> barrier(start);
            case "if" -> conditional(start);
            case "input" -> {
                requireV3(word);
                input();
            }
            case "const" -> {
                requireV3(word);
                constant();
            }
            case "gphase" -> skipStatement();
            default -> {
                if (lookingAtAssignment()) {
                    requireV3("assignment");
                    measureAssignment(start);
                } else {
                    gateCall(start);
                }
            }
        }
    }

    private void include() {
        int at = pos++;
        if (kind() != Token.STRING) {
            throw error(pos, "expected a file name in quotes after include");
        }
        String file = lx.text(pos);
        file = file.substring(1, file.length() - 1);
        int fileToken = pos++;
        expectSemicolon(at);
        switch (file) {
            case "qelib1.inc" -> gates.putAll(GateLibrary.qelib1());
            case "stdgates.inc" -> gates.putAll(GateLibrary.stdgates());
            default -> throw error(fileToken, "cannot include \"" + file + "\": only qelib1.inc and stdgates.inc are built in");
        }
    }

    private void registerV2(boolean quantum) {
        int at = pos++;
        int nameToken = expectIdentifier("register name");
        String name = lx.text(nameToken);
        expectSymbol("[");
        int size = expectInteger("register size");
        expectSymbol("]");
        expectSemicolon(at);
        declare(nameToken, name, size, quantum);
    }

    private void registerV3(boolean quantum) {
        int at = pos++;
        int size = 1;
        if (isSymbol("[")) {
            pos++;
            size = expectInteger("register size");
            expectSymbol("]");
        }
        int nameToken = expectIdentifier("register name");
        expectSemicolon(at);
        declare(nameToken, lx.text(nameToken), size, quantum);
    }

    private void declare(int token, String name, int size, boolean quantum) {
        if (qregs.containsKey(name) || cregs.containsKey(name) || inputs.contains(name)) {
            throw error(token, "register \"" + name + "\" is already declared");
        }
        if (size < 1) {
            throw error(token, "register \"" + name + "\" must have at least one " + (quantum ? "qubit" : "bit"));
        }
        if (size > MAX_REGISTER_SIZE) {
            throw error(token, "register \"" + name + "\" has " + size + " " + (quantum ? "qubits" : "bits")
                    + "; at most " + MAX_REGISTER_SIZE + " are supported");
        }
        if (quantum) {
            if (maxPhysicalQubit >= 0) {
                throw error(token, "cannot declare qubits in a program that uses physical qubits ($n)");
            }
            qregs.put(name, builder.addQuantumRegister(name, size));
        } else {
            cregs.put(name, builder.addClassicalRegister(name, size));
        }
    }

    private void input() {
        int at = pos++;
        skipType();
        int nameToken = expectIdentifier("parameter name");
        inputs.add(lx.text(nameToken));
        expectSemicolon(at);
    }

    private void constant() {
        int at = pos++;
        skipType();
        int nameToken = expectIdentifier("constant name");
        expectSymbol("=");
        Expression value = expression();
        if (!value.isConstant()) {
            throw error(nameToken, "constant \"" + lx.text(nameToken) + "\" must have a numeric value");
        }
        constants.put(lx.text(nameToken), Expression.of(value.evaluate()));
        expectSemicolon(at);
    }

    /** float[64], angle, angle[20], float: the type is not needed, only skipped. */
    private void skipType() {
        int typeToken = expectIdentifier("type");
        String type = lx.text(typeToken);
        if (!type.equals("float") && !type.equals("angle")) {
            throw error(typeToken, "only float and angle inputs and constants are supported, not '" + type + "'");
        }
        if (isSymbol("[")) {
            pos++;
            expectInteger("type width");
            expectSymbol("]");
        }
    }

    private void skipStatement() {
        int at = pos;
        while (kind() != Token.END && !isSymbol(";")) {
            pos++;
        }
        expectSemicolon(at);
    }

    // ----------------------------------------------------------------------------------------
    // Gate definitions

    private GateDefinition gateDefinition(int start) {
        int nameToken = expectIdentifier("gate name");
        String name = lx.text(nameToken);
        List<String> params = new ArrayList<>();
        if (isSymbol("(")) {
            pos++;
            if (!isSymbol(")")) {
                params.add(lx.text(expectIdentifier("parameter name")));
                while (isSymbol(",")) {
                    pos++;
                    params.add(lx.text(expectIdentifier("parameter name")));
                }
            }
            expectSymbol(")");
        }
        List<String> args = identifierList("qubit argument");
        if (gates.containsKey(name) || name.equals("U") || name.equals("CX")) {
            throw error(nameToken, "gate \"" + name + "\" is already defined");
        }
        expectSymbol("{");
        Set<String> saved = bodyParams;
        bodyParams = new HashSet<>(params);
        List<GateDefinition.Call> body = new ArrayList<>();
        try {
            while (!isSymbol("}")) {
                if (kind() == Token.END) {
                    throw error(pos, "unterminated gate body: expected '}' before the end of the file");
                }
                bodyStatement(args, body);
            }
        } finally {
            bodyParams = saved;
        }
        pos++;
        GateDefinition d;
        try {
            d = new GateDefinition(name, params, args, body, false);
        } catch (CircuitException e) {
            throw error(nameToken, e.getMessage());
        }
        Gate callable = recoverStandard(d);
        gates.put(name, callable);
        return d;
    }

    /** A definition named like a standard gate whose matrix is that gate's is that gate (see writers). */
    private static Gate recoverStandard(GateDefinition d) {
        StandardGate s = StandardGate.byName(d.name()).orElse(null);
        if (s == null || s.numQubits() != d.numQubits() || s.numParams() != d.numParams()) {
            return d;
        }
        try {
            for (double[] sample : SAMPLE_PARAMS) {
                double[] p = java.util.Arrays.copyOf(sample, s.numParams());
                if (!s.matrix(p).equalsUpToGlobalPhase(d.matrix(p), 1e-9)) {
                    return d;
                }
            }
        } catch (CircuitException e) {
            return d;
        }
        return s;
    }

    private void bodyStatement(List<String> args, List<GateDefinition.Call> body) {
        int start = pos;
        if (isWord("barrier")) {
            skipStatement();
            return;
        }
        if (isWord("gphase")) {
            skipStatement();
            return;
        }
        List<Modifier> modifiers = modifiers();
        int nameToken = expectIdentifier("gate name");
        List<Expression> params = parameterList();
        List<Integer> qubits = new ArrayList<>();
        do {
            if (!qubits.isEmpty()) {
                pos++;
            }
            int argToken = expectIdentifier("qubit argument");
            int index = args.indexOf(lx.text(argToken));
            if (index < 0) {
                throw error(argToken, "\"" + lx.text(argToken) + "\" is not an argument of this gate");
            }
            qubits.add(index);
        } while (isSymbol(","));
        expectSemicolon(start);
        for (Application a : resolve(modifiers, nameToken, params, qubits.size())) {
            List<Integer> mapped = a.arguments().stream().map(qubits::get).toList();
            try {
                body.add(new GateDefinition.Call(a.gate(), a.params(), mapped));
            } catch (CircuitException e) {
                throw error(nameToken, e.getMessage());
            }
        }
    }

    private void opaque(int start) {
        pos++;
        int nameToken = expectIdentifier("gate name");
        String name = lx.text(nameToken);
        List<String> params = new ArrayList<>();
        if (isSymbol("(")) {
            pos++;
            if (!isSymbol(")")) {
                params.addAll(identifierListTail(lx.text(expectIdentifier("parameter name"))));
            }
            expectSymbol(")");
        }
        List<String> args = identifierList("qubit argument");
        expectSemicolon(start);
        if (gates.containsKey(name)) {
            throw error(nameToken, "gate \"" + name + "\" is already defined");
        }
        GateDefinition d = GateDefinition.opaque(name, params, args);
        gates.put(name, d);
        builder.define(d);
    }

    private List<String> identifierList(String what) {
        return identifierListTail(lx.text(expectIdentifier(what)));
    }

    private List<String> identifierListTail(String first) {
        List<String> out = new ArrayList<>(List.of(first));
        while (isSymbol(",")) {
            pos++;
            out.add(lx.text(expectIdentifier("name")));
        }
        return out;
    }

    // ----------------------------------------------------------------------------------------
    // Gate calls and modifiers

    /** A modifier of OpenQASM 3: inv, pow(k), ctrl(n), negctrl is not supported. */
    private record Modifier(String kind, int count, int token) {
    }

    /** A standard or user gate on some of the call's arguments. */
    private record Application(Gate gate, List<Expression> params, List<Integer> arguments) {
    }

    private List<Modifier> modifiers() {
        List<Modifier> out = new ArrayList<>();
        while (kind() == Token.IDENTIFIER && (isWord("inv") || isWord("ctrl") || isWord("pow") || isWord("negctrl"))
                && (lx.is(pos + 1, "@") || lx.is(pos + 1, "("))) {
            int token = pos;
            String kind = lx.text(pos++);
            requireV3(kind + " @");
            if (kind.equals("negctrl")) {
                throw error(token, "negctrl @ is not supported by Qubench's OpenQASM 3 reader");
            }
            int count = 1;
            if (isSymbol("(")) {
                pos++;
                boolean negative = false;
                if (isSymbol("-")) {
                    negative = true;
                    pos++;
                }
                count = expectInteger(kind + " count") * (negative ? -1 : 1);
                expectSymbol(")");
            }
            expectSymbol("@");
            out.add(new Modifier(kind, count, token));
        }
        return out;
    }

    private void gateCall(int start) {
        List<Modifier> modifiers = modifiers();
        int nameToken = expectIdentifier("gate name");
        List<Expression> params = parameterList();
        List<List<Integer>> args = arguments();
        expectSemicolon(start);
        List<Application> apps = resolve(modifiers, nameToken, params, args.size());
        broadcast(nameToken, args, qubits -> {
            for (Application a : apps) {
                List<Integer> mapped = a.arguments().stream().map(qubits::get).toList();
                builder.add(new Operation.GateOperation(a.gate(), a.params(), mapped, condition));
            }
        });
    }

    /** The gate named at {@code nameToken} with its modifiers applied, checked against the call's arity. */
    private List<Application> resolve(List<Modifier> modifiers, int nameToken, List<Expression> params, int argCount) {
        String name = lx.text(nameToken);
        Gate gate = gates.get(name);
        if (gate == null) {
            if (StandardGate.byName(name).isPresent() && !gates.containsKey("x")) {
                throw error(nameToken, "unknown gate \"" + name + "\" (did you forget include \""
                        + (version == QasmVersion.V2 ? "qelib1.inc" : "stdgates.inc") + "\"?)");
            }
            throw error(nameToken, "unknown gate \"" + name + "\"");
        }
        if (params.size() != gate.numParams()) {
            throw error(nameToken, "gate \"" + name + "\" takes " + gate.numParams() + " parameter"
                    + (gate.numParams() == 1 ? "" : "s") + ", got " + params.size());
        }
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < gate.numQubits(); i++) {
            all.add(i);
        }
        List<Application> apps = new ArrayList<>(List.of(new Application(gate, params, all)));
        int arity = gate.numQubits();
        for (int m = modifiers.size() - 1; m >= 0; m--) {
            Modifier mod = modifiers.get(m);
            switch (mod.kind()) {
                case "inv" -> apps = invert(apps, mod.token());
                case "pow" -> {
                    if (mod.count() < 0) {
                        apps = invert(apps, mod.token());
                    }
                    List<Application> repeated = new ArrayList<>();
                    for (int k = 0; k < Math.abs(mod.count()); k++) {
                        repeated.addAll(apps);
                    }
                    apps = repeated;
                }
                default -> {
                    apps = control(apps, mod.count(), arity, mod.token());
                    arity += mod.count();
                }
            }
        }
        if (argCount != arity) {
            throw error(nameToken, "gate \"" + name + "\" takes " + arity + " qubit argument" + (arity == 1 ? "" : "s")
                    + ", got " + argCount);
        }
        return apps;
    }

    private List<Application> invert(List<Application> apps, int token) {
        List<Application> out = new ArrayList<>();
        for (int i = apps.size() - 1; i >= 0; i--) {
            Application a = apps.get(i);
            if (a.gate() instanceof StandardGate s) {
                for (StandardGate.Application inv : s.inverse(a.params())) {
                    out.add(new Application(inv.gate(), inv.params(), inv.arguments().stream().map(a.arguments()::get).toList()));
                }
            } else {
                GateDefinition d = (GateDefinition) a.gate();
                if (d.opaque()) {
                    throw error(token, "inv @ cannot invert opaque gate \"" + d.name() + "\"");
                }
                out.add(new Application(inverseOf(d), a.params(), a.arguments()));
            }
        }
        return out;
    }

    /** The definition {@code name_inv}: the body reversed, each call inverted. */
    private GateDefinition inverseOf(GateDefinition d) {
        GateDefinition cached = inverses.get(d.name());
        if (cached != null) {
            return cached;
        }
        List<GateDefinition.Call> body = new ArrayList<>();
        List<GateDefinition.Call> calls = new ArrayList<>(d.body());
        Collections.reverse(calls);
        for (GateDefinition.Call c : calls) {
            if (c.gate() instanceof StandardGate s) {
                for (StandardGate.Application inv : s.inverse(c.params())) {
                    body.add(new GateDefinition.Call(inv.gate(), inv.params(), inv.arguments().stream().map(c.arguments()::get).toList()));
                }
            } else {
                body.add(new GateDefinition.Call(inverseOf((GateDefinition) c.gate()), c.params(), c.arguments()));
            }
        }
        GateDefinition inv = new GateDefinition(d.name() + "_inv", d.paramNames(), d.qubitNames(), body, false);
        inverses.put(d.name(), inv);
        return inv;
    }

    /** ctrl(n) @ on a single standard gate with a standard controlled form; controls come first. */
    private List<Application> control(List<Application> apps, int controls, int arity, int token) {
        if (apps.size() != 1 || !(apps.getFirst().gate() instanceof StandardGate s) || controls < 1) {
            String what = apps.size() == 1 ? "\"" + apps.getFirst().gate().qasmName() + "\"" : "this gate";
            throw error(token, "ctrl @ on " + what + " is not supported by Qubench's OpenQASM 3 reader");
        }
        Application a = apps.getFirst();
        StandardGate controlled = switch (controls == 1 ? s : null) {
            case X -> StandardGate.CX;
            case Y -> StandardGate.CY;
            case Z -> StandardGate.CZ;
            case H -> StandardGate.CH;
            case P, U1 -> StandardGate.CP;
            case RX -> StandardGate.CRX;
            case RY -> StandardGate.CRY;
            case RZ -> StandardGate.CRZ;
            case U, U3 -> StandardGate.CU3;
            case SWAP -> StandardGate.CSWAP;
            case CX -> StandardGate.CCX;
            case null, default -> null;
        };
        if (controls == 2 && s == StandardGate.X) {
            controlled = StandardGate.CCX;
        }
        if (controlled == null) {
            throw error(token, "ctrl @ on \"" + s.qasmName() + "\" is not supported by Qubench's OpenQASM 3 reader");
        }
        List<Integer> args = new ArrayList<>();
        for (int c = 0; c < controls; c++) {
            args.add(c);
        }
        a.arguments().forEach(q -> args.add(q + controls));
        return List.of(new Application(controlled, a.params(), args));
    }

    private List<Expression> parameterList() {
        List<Expression> params = new ArrayList<>();
        if (isSymbol("(")) {
            pos++;
            if (!isSymbol(")")) {
                params.add(expression());
                while (isSymbol(",")) {
                    pos++;
                    params.add(expression());
                }
            }
            expectSymbol(")");
        }
        return params;
    }

    // ----------------------------------------------------------------------------------------
    // Arguments, broadcasting, measurement

    /** Each argument is the list of qubits it names (one, or a whole register for broadcasting). */
    private List<List<Integer>> arguments() {
        List<List<Integer>> args = new ArrayList<>();
        if (isSymbol(";")) {
            return args;
        }
        args.add(qubitArgument());
        while (isSymbol(",")) {
            pos++;
            args.add(qubitArgument());
        }
        return args;
    }

    private List<Integer> qubitArgument() {
        if (kind() == Token.HARDWARE_QUBIT) {
            requireV3("physical qubit");
            if (!qregs.isEmpty()) {
                throw error(pos, "physical qubits ($n) cannot be mixed with declared qubit registers");
            }
            int index = Integer.parseInt(lx.text(pos).substring(1));
            maxPhysicalQubit = Math.max(maxPhysicalQubit, index);
            pos++;
            return List.of(index);
        }
        int nameToken = expectIdentifier("qubit or register");
        String name = lx.text(nameToken);
        QuantumRegister reg = qregs.get(name);
        if (reg == null) {
            throw error(nameToken, cregs.containsKey(name) ? "\"" + name + "\" is a classical register, not qubits"
                    : "undeclared register \"" + name + "\"");
        }
        return indices(name, reg.size(), reg::qubit, "qubit");
    }

    /** {@code [i]} after a register name (one index), or nothing (every index, for broadcasting). */
    private List<Integer> indices(String name, int size, java.util.function.IntUnaryOperator global, String unit) {
        if (isSymbol("[")) {
            pos++;
            int indexToken = pos;
            int index = expectInteger(unit + " index");
            expectSymbol("]");
            if (index >= size) {
                throw error(indexToken, name + "[" + index + "] is out of range: register " + name + " has " + size
                        + " " + unit + (size == 1 ? "" : "s"));
            }
            return List.of(global.applyAsInt(index));
        }
        List<Integer> all = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            all.add(global.applyAsInt(i));
        }
        return all;
    }

    private List<Integer> clbitArgument() {
        int nameToken = expectIdentifier("classical bit or register");
        String name = lx.text(nameToken);
        ClassicalRegister reg = cregs.get(name);
        if (reg == null) {
            throw error(nameToken, qregs.containsKey(name) ? "\"" + name + "\" is a quantum register, not classical bits"
                    : "undeclared register \"" + name + "\"");
        }
        return indices(name, reg.size(), reg::clbit, "bit");
    }

    /** Calls {@code each} once per broadcast position: single qubits repeat, registers advance together. */
    private void broadcast(int token, List<List<Integer>> args, java.util.function.Consumer<List<Integer>> each) {
        int size = 1;
        for (List<Integer> a : args) {
            if (a.size() > 1) {
                if (size > 1 && a.size() != size) {
                    throw error(token, "registers of different sizes (" + size + " and " + a.size() + ") cannot be broadcast together");
                }
                size = a.size();
            }
        }
        for (int i = 0; i < size; i++) {
            List<Integer> qubits = new ArrayList<>(args.size());
            for (List<Integer> a : args) {
                qubits.add(a.size() == 1 ? a.getFirst() : a.get(i));
            }
            each.accept(qubits);
        }
    }

    private void measureArrow(int start) {
        pos++;
        int qToken = pos;
        List<Integer> qubits = qubitArgument();
        if (!isSymbol("->")) {
            throw error(pos, version == QasmVersion.V3 && isSymbol(";")
                    ? "measure without a target bit is not supported: write c = measure q;" : "expected '->' after the measured qubits");
        }
        pos++;
        List<Integer> clbits = clbitArgument();
        expectSemicolon(start);
        addMeasurements(qToken, qubits, clbits);
    }

    private void measureAssignment(int start) {
        List<Integer> clbits = clbitArgument();
        expectSymbol("=");
        expectWord("measure");
        int qToken = pos;
        List<Integer> qubits = qubitArgument();
        expectSemicolon(start);
        addMeasurements(qToken, qubits, clbits);
    }

    private void addMeasurements(int token, List<Integer> qubits, List<Integer> clbits) {
        if (qubits.size() != clbits.size()) {
            throw error(token, "cannot measure " + qubits.size() + " qubit" + (qubits.size() == 1 ? "" : "s") + " into "
                    + clbits.size() + " bit" + (clbits.size() == 1 ? "" : "s"));
        }
        for (int i = 0; i < qubits.size(); i++) {
            builder.add(new Operation.Measurement(qubits.get(i), clbits.get(i), condition));
        }
    }

    private boolean lookingAtAssignment() {
        if (!cregs.containsKey(lx.text(pos))) {
            return false;
        }
        return lx.is(pos + 1, "=") || lx.is(pos + 1, "[");
    }

    private void reset(int start) {
        pos++;
        List<Integer> qubits = qubitArgument();
        expectSemicolon(start);
        for (int q : qubits) {
            builder.add(new Operation.Reset(q, condition));
        }
    }

    private void barrier(int start) {
        pos++;
        List<Integer> qubits = new ArrayList<>();
        if (!isSymbol(";")) {
            arguments().forEach(qubits::addAll);
        } else {
            for (int q = 0; q < builder.numQubits(); q++) {
                qubits.add(q);
            }
        }
        expectSemicolon(start);
        if (condition != null) {
            throw error(start, "a barrier cannot be conditioned");
        }
        builder.add(new Operation.Barrier(qubits.stream().distinct().toList()));
    }

    private void conditional(int start) {
        pos++;
        if (condition != null) {
            throw error(start, "nested if statements are not supported");
        }
        expectSymbol("(");
        boolean negated = false;
        if (isSymbol("!")) {
            requireV3("!");
            negated = true;
            pos++;
        }
        int nameToken = expectIdentifier("classical register");
        String name = lx.text(nameToken);
        ClassicalRegister reg = cregs.get(name);
        if (reg == null) {
            throw error(nameToken, "undeclared classical register \"" + name + "\"");
        }
        int bit = Condition.WHOLE_REGISTER;
        if (isSymbol("[")) {
            requireV3("a condition on one bit");
            pos++;
            int indexToken = pos;
            bit = expectInteger("bit index");
            expectSymbol("]");
            if (bit >= reg.size()) {
                throw error(indexToken, name + "[" + bit + "] is out of range: register " + name + " has " + reg.size() + " bits");
            }
        }
        long value;
        if (isSymbol("==")) {
            pos++;
            value = expectInteger("value to compare with");
        } else if (version == QasmVersion.V3 && isSymbol(")") && (bit != Condition.WHOLE_REGISTER || reg.size() == 1)) {
            value = 1;
        } else {
            throw error(pos, "expected '==' in the condition");
        }
        if (negated) {
            if (bit == Condition.WHOLE_REGISTER && reg.size() != 1 || value > 1) {
                throw error(nameToken, "'!' applies to a single bit only");
            }
            value = 1 - value;
        }
        expectSymbol(")");
        try {
            condition = new Condition(reg, bit, value);
        } catch (CircuitException e) {
            throw error(nameToken, e.getMessage());
        }
        try {
            if (isSymbol("{")) {
                requireV3("an if block");
                pos++;
                while (!isSymbol("}")) {
                    if (kind() == Token.END) {
                        throw error(pos, "unterminated if block: expected '}' before the end of the file");
                    }
                    statement();
                }
                pos++;
            } else {
                int inner = pos;
                if (isWord("gate") || isWord("opaque") || isWord("qreg") || isWord("creg") || isWord("include")
                        || isWord("barrier")) {
                    throw error(inner, "'" + lx.text(inner) + "' cannot be conditioned");
                }
                statement();
            }
        } finally {
            condition = null;
        }
    }

    // ----------------------------------------------------------------------------------------
    // Expressions

    private Expression expression() {
        Expression left = term();
        while (isSymbol("+") || isSymbol("-")) {
            char op = lx.text(pos++).charAt(0);
            left = new Expression.Binary(op, left, term());
        }
        return left;
    }

    private Expression term() {
        Expression left = unary();
        while (isSymbol("*") || isSymbol("/")) {
            char op = lx.text(pos++).charAt(0);
            left = new Expression.Binary(op, left, unary());
        }
        return left;
    }

    private Expression unary() {
        if (++expressionDepth > MAX_EXPRESSION_DEPTH) {
            throw error(pos, "expression nested too deeply (more than " + MAX_EXPRESSION_DEPTH + " levels)");
        }
        try {
            return unaryAtDepth();
        } finally {
            expressionDepth--;
        }
    }

    private Expression unaryAtDepth() {
        if (isSymbol("-")) {
            pos++;
            Expression operand = unary();
            return operand instanceof Expression.Constant c ? Expression.of(-c.value()) : new Expression.Negation(operand);
        }
        if (isSymbol("+")) {
            pos++;
            return unary();
        }
        return power();
    }

    private Expression power() {
        Expression base = atom();
        if (isSymbol("^") || isSymbol("**")) {
            pos++;
            return new Expression.Binary('^', base, unary());
        }
        return base;
    }

    private Expression atom() {
        int token = pos;
        switch (kind()) {
            case INTEGER, REAL -> {
                pos++;
                try {
                    return Expression.of(Double.parseDouble(lx.text(token)));
                } catch (NumberFormatException e) {
                    throw error(token, "'" + lx.text(token) + "' is not a number");
                }
            }
            case IDENTIFIER -> {
                String word = lx.text(pos++);
                if (word.equals("pi") || word.equals("π")) {
                    return Expression.PI;
                }
                if (word.equals("tau") || word.equals("τ")) {
                    return new Expression.Binary('*', Expression.of(2), Expression.PI);
                }
                if (isSymbol("(")) {
                    boolean known = version == QasmVersion.V2 ? FUNCTIONS_V2.contains(word)
                            : Expression.Call.FUNCTIONS.contains(word) || word.startsWith("arc");
                    if (!known) {
                        throw error(token, "unknown function \"" + word + "\"");
                    }
                    String function = word.startsWith("arc") ? "a" + word.substring(3) : word;
                    pos++;
                    Expression arg = expression();
                    expectSymbol(")");
                    return new Expression.Call(function, arg);
                }
                if (bodyParams != null && bodyParams.contains(word)) {
                    return Expression.symbol(word);
                }
                if (constants.containsKey(word)) {
                    return constants.get(word);
                }
                if (inputs.contains(word)) {
                    return Expression.symbol(word);
                }
                throw error(token, "unknown identifier \"" + word + "\" in expression");
            }
            default -> {
                if (isSymbol("(")) {
                    pos++;
                    Expression inner = expression();
                    expectSymbol(")");
                    return inner;
                }
                throw error(token, "expected a number or expression, found " + describe(token));
            }
        }
    }

    // ----------------------------------------------------------------------------------------
    // Token helpers

    private Token kind() {
        return lx.kind(pos);
    }

    private boolean isSymbol(String s) {
        return lx.kind(pos) == Token.SYMBOL && lx.is(pos, s);
    }

    private boolean isWord(String s) {
        return lx.kind(pos) == Token.IDENTIFIER && lx.is(pos, s);
    }

    private void expectSymbol(String s) {
        if (!isSymbol(s)) {
            throw error(pos, "expected '" + s + "', found " + describe(pos));
        }
        pos++;
    }

    private void expectWord(String s) {
        if (!isWord(s)) {
            throw error(pos, "expected '" + s + "', found " + describe(pos));
        }
        pos++;
    }

    /** The ';' ending the statement that began at {@code start}. */
    private void expectSemicolon(int start) {
        if (isSymbol(";")) {
            pos++;
            return;
        }
        if (kind() == Token.END && pos > 0) {
            throw new QasmException(source, lx.line(pos - 1), lx.endColumn(pos - 1),
                    "unterminated statement: expected ';' before the end of the file");
        }
        throw error(pos, "expected ';', found " + describe(pos));
    }

    private int expectIdentifier(String what) {
        if (kind() != Token.IDENTIFIER) {
            throw error(pos, "expected " + what + ", found " + describe(pos));
        }
        return pos++;
    }

    private int expectInteger(String what) {
        if (kind() != Token.INTEGER) {
            throw error(pos, "expected " + what + " (a whole number), found " + describe(pos));
        }
        try {
            return Integer.parseInt(lx.text(pos++));
        } catch (NumberFormatException e) {
            throw error(pos - 1, what + " " + lx.text(pos - 1) + " is too large");
        }
    }

    private void requireV3(String what) {
        if (version == QasmVersion.V2) {
            throw error(pos, what + " is OpenQASM 3; this file declares OPENQASM 2.0");
        }
    }

    private String describe(int token) {
        return switch (lx.kind(token)) {
            case END -> "the end of the file";
            case STRING -> "string " + lx.text(token);
            default -> "'" + lx.text(token) + "'";
        };
    }

    private QasmException error(int token, String message) {
        return new QasmException(source, lx.line(token), lx.column(token), message);
    }
}
