package io.qubench.circuit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds a {@link Circuit} step by step; {@link #build()} checks it. */
public final class CircuitBuilder {

    private final List<QuantumRegister> quantumRegisters = new ArrayList<>();
    private final List<ClassicalRegister> classicalRegisters = new ArrayList<>();
    private final List<GateDefinition> definitions = new ArrayList<>();
    private final List<Operation> operations = new ArrayList<>();
    private int qubits;
    private int clbits;

    CircuitBuilder() {
    }

    public QuantumRegister addQuantumRegister(String name, int size) {
        QuantumRegister r = new QuantumRegister(name, size, qubits);
        quantumRegisters.add(r);
        qubits += size;
        return r;
    }

    public ClassicalRegister addClassicalRegister(String name, int size) {
        ClassicalRegister r = new ClassicalRegister(name, size, clbits);
        classicalRegisters.add(r);
        clbits += size;
        return r;
    }

    /** Adds a quantum register {@code q} of {@code n} qubits. */
    public CircuitBuilder qubits(int n) {
        addQuantumRegister("q", n);
        return this;
    }

    /** Adds a classical register {@code c} of {@code n} bits. */
    public CircuitBuilder clbits(int n) {
        addClassicalRegister("c", n);
        return this;
    }

    public CircuitBuilder define(GateDefinition definition) {
        definitions.add(definition);
        return this;
    }

    public CircuitBuilder gate(StandardGate gate, int... qubitIndices) {
        return gate(gate, List.of(), qubitIndices);
    }

    /** A gate with numeric parameters, e.g. {@code gate(RZ, new double[] {0.5}, 0)}. */
    public CircuitBuilder gate(StandardGate gate, double[] params, int... qubitIndices) {
        return gate(gate, Arrays.stream(params).mapToObj(Expression::of).toList(), qubitIndices);
    }

    public CircuitBuilder gate(Gate gate, List<Expression> params, int... qubitIndices) {
        return add(new Operation.GateOperation(gate, params, Circuit.toList(qubitIndices)));
    }

    public CircuitBuilder h(int q) {
        return gate(StandardGate.H, q);
    }

    public CircuitBuilder x(int q) {
        return gate(StandardGate.X, q);
    }

    public CircuitBuilder cx(int control, int target) {
        return gate(StandardGate.CX, control, target);
    }

    public CircuitBuilder measure(int qubit, int clbit) {
        return add(new Operation.Measurement(qubit, clbit));
    }

    /** Measures qubit k into clbit k for every qubit; the circuit needs as many clbits. */
    public CircuitBuilder measureAll() {
        for (int q = 0; q < qubits; q++) {
            measure(q, q);
        }
        return this;
    }

    public CircuitBuilder reset(int qubit) {
        return add(new Operation.Reset(qubit));
    }

    public CircuitBuilder barrier(int... qubitIndices) {
        return add(new Operation.Barrier(Circuit.toList(qubitIndices)));
    }

    public CircuitBuilder add(Operation operation) {
        operations.add(operation);
        return this;
    }

    public int numQubits() {
        return qubits;
    }

    public int numClbits() {
        return clbits;
    }

    public Circuit build() {
        return new Circuit(quantumRegisters, classicalRegisters, definitions, operations);
    }
}
