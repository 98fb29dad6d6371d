package io.qubench.transpile;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.CircuitBuilder;
import io.qubench.circuit.ClassicalRegister;
import io.qubench.circuit.Operation;

/**
 * A circuit on device qubits cut down to the device qubits it uses, so that a 27-qubit device
 * does not cost a 27-qubit simulation: qubit k of {@code circuit} is device qubit
 * {@code deviceQubits.get(k)} (in increasing order). Classical registers are unchanged.
 */
public record ActiveQubits(Circuit circuit, List<Integer> deviceQubits) {

    public ActiveQubits {
        deviceQubits = List.copyOf(deviceQubits);
    }

    /** The ISA circuit of {@code result} on the qubits its operations touch and where its circuit qubits start. */
    public static ActiveQubits of(TranspileResult result) {
        Circuit isa = result.isa();
        TreeSet<Integer> used = new TreeSet<>();
        for (int v = 0; v < result.initial().circuitQubits(); v++) {
            used.add(result.initial().physical(v));
        }
        for (Operation op : isa.operations()) {
            used.addAll(op.qubits());
        }
        List<Integer> qubits = new ArrayList<>(used);
        int[] index = new int[isa.numQubits()];
        for (int k = 0; k < qubits.size(); k++) {
            index[qubits.get(k)] = k;
        }
        CircuitBuilder b = Circuit.builder();
        b.addQuantumRegister(isa.quantumRegisters().getFirst().name(), qubits.size());
        for (ClassicalRegister r : isa.classicalRegisters()) {
            b.addClassicalRegister(r.name(), r.size());
        }
        isa.operations().forEach(op -> b.add(Operations.remap(op, p -> index[p])));
        return new ActiveQubits(b.build(), qubits);
    }
}
