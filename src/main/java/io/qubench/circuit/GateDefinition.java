package io.qubench.circuit;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A user-defined gate ({@code gate name(params) a, b { body }}), or an {@code opaque} one that
 * has a name and an arity but no body and so cannot be simulated.
 */
public record GateDefinition(String name, List<String> paramNames, List<String> qubitNames, List<Call> body, boolean opaque)
        implements Gate {

    public GateDefinition {
        Names.requireIdentifier(name, "gate");
        paramNames = List.copyOf(paramNames);
        qubitNames = List.copyOf(qubitNames);
        body = List.copyOf(body);
        if (qubitNames.isEmpty()) {
            throw new CircuitException("gate '" + name + "' must act on at least one qubit");
        }
        if (new HashSet<>(qubitNames).size() != qubitNames.size()) {
            throw new CircuitException("gate '" + name + "' names a qubit argument twice");
        }
        if (new HashSet<>(paramNames).size() != paramNames.size()) {
            throw new CircuitException("gate '" + name + "' names a parameter twice");
        }
        Set<String> known = Set.copyOf(paramNames);
        for (Call call : body) {
            for (Expression e : call.params()) {
                for (String symbol : e.symbols()) {
                    if (!known.contains(symbol)) {
                        throw new CircuitException("gate '" + name + "' uses unknown parameter '" + symbol + "'");
                    }
                }
            }
            for (int q : call.arguments()) {
                if (q < 0 || q >= qubitNames.size()) {
                    throw new CircuitException("gate '" + name + "' body refers to qubit argument " + q + " out of range");
                }
            }
        }
    }

    public static GateDefinition opaque(String name, List<String> paramNames, List<String> qubitNames) {
        return new GateDefinition(name, paramNames, qubitNames, List.of(), true);
    }

    @Override
    public String qasmName() {
        return name;
    }

    @Override
    public int numQubits() {
        return qubitNames.size();
    }

    @Override
    public int numParams() {
        return paramNames.size();
    }

    /** The body with this gate's parameters replaced by {@code actual} expressions. */
    public List<Call> expand(List<Expression> actual) {
        requireDefined();
        Map<String, Expression> bind = new HashMap<>();
        for (int i = 0; i < paramNames.size(); i++) {
            bind.put(paramNames.get(i), actual.get(i));
        }
        return body.stream()
                .map(c -> new Call(c.gate(), c.params().stream().map(e -> e.substitute(bind)).toList(), c.arguments()))
                .toList();
    }

    /** The unitary for the given parameter values, composed from the body. */
    public Matrix matrix(double... values) {
        requireDefined();
        if (values.length != numParams()) {
            throw new CircuitException("gate '" + name + "' takes " + numParams() + " parameter(s), got " + values.length);
        }
        Map<String, Double> bindings = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            bindings.put(paramNames.get(i), values[i]);
        }
        Matrix u = Matrix.identity(1 << numQubits());
        for (Call c : body) {
            double[] v = c.params().stream().mapToDouble(e -> e.evaluate(bindings)).toArray();
            Matrix m = Gates.matrix(c.gate(), v);
            int[] targets = c.arguments().stream().mapToInt(Integer::intValue).toArray();
            u = m.embed(numQubits(), targets).multiply(u);
        }
        return u;
    }

    private void requireDefined() {
        if (opaque) {
            throw new CircuitException("gate '" + name + "' is opaque: it has no definition, so it cannot be simulated");
        }
    }

    /** One gate application in a definition's body: arguments index {@link #qubitNames()}. */
    public record Call(Gate gate, List<Expression> params, List<Integer> arguments) {
        public Call {
            params = List.copyOf(params);
            arguments = List.copyOf(arguments);
            if (params.size() != gate.numParams()) {
                throw new CircuitException("gate '" + gate.qasmName() + "' takes " + gate.numParams() + " parameter(s), got " + params.size());
            }
            if (arguments.size() != gate.numQubits()) {
                throw new CircuitException("gate '" + gate.qasmName() + "' acts on " + gate.numQubits() + " qubit(s), got " + arguments.size());
            }
            if (arguments.stream().distinct().count() != arguments.size()) {
                throw new CircuitException("gate '" + gate.qasmName() + "' is given the same qubit twice");
            }
        }
    }
}
