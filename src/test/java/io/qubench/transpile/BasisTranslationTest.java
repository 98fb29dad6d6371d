package io.qubench.transpile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.CircuitBuilder;
import io.qubench.circuit.Expression;
import io.qubench.circuit.Gates;
import io.qubench.circuit.Matrix;
import io.qubench.circuit.Operation;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.StandardGate;

class BasisTranslationTest {

    static Matrix unitary(Circuit c) {
        int n = c.numQubits();
        Matrix u = Matrix.identity(1 << n);
        for (Operation op : c.inlined().operations()) {
            GateOperation g = (GateOperation) op;
            int[] t = g.qubits().stream().mapToInt(Integer::intValue).toArray();
            u = Gates.matrix(g.gate(), g.paramValues(Map.of())).embed(n, t).multiply(u);
        }
        return u;
    }

    @ParameterizedTest
    @EnumSource(StandardGate.class)
    void everyStandardGateBecomesNativeGatesWithTheSameUnitary(StandardGate gate) {
        for (String native2q : List.of("cx", "cz", "ecr")) {
            CircuitBuilder b = Circuit.builder().qubits(3);
            List<Expression> params = new ArrayList<>();
            for (int i = 0; i < gate.numParams(); i++) {
                params.add(Expression.of(0.37 + 0.91 * i));
            }
            int[] targets = gate.numQubits() == 1 ? new int[] {1} : gate.numQubits() == 2 ? new int[] {2, 0} : new int[] {1, 2, 0};
            Circuit c = b.gate(gate, params, targets).build();
            Circuit translated = BasisTranslation.translate(c, native2q);
            assertThat(translated.operations()).as(gate + " → " + native2q).allMatch(op -> {
                String name = ((GateOperation) op).gate().qasmName();
                return Set.of("rz", "sx", "x", native2q).contains(name);
            });
            assertThat(unitary(translated).equalsUpToGlobalPhase(unitary(c), 1e-9)).as(gate + " → " + native2q).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void randomOneQubitUnitariesBecomeAtMostTwoSxAndThreeRz(long seed) {
        Random r = new Random(seed);
        Matrix u = StandardGate.U3.matrix(r.nextDouble() * 6 - 3, r.nextDouble() * 6 - 3, r.nextDouble() * 6 - 3);
        List<GateOperation> ops = BasisTranslation.zsx(u, 0);
        assertThat(ops).hasSizeLessThanOrEqualTo(5);
        Matrix back = Matrix.identity(2);
        for (GateOperation g : ops) {
            back = Gates.matrix(g.gate(), g.paramValues(Map.of())).multiply(back);
        }
        assertThat(back.equalsUpToGlobalPhase(u, 1e-9)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void randomCircuitsKeepTheirUnitary(long seed) {
        Circuit c = io.qubench.sim.ReferenceSimulatorProperties.randomCircuit(seed, 4, 30);
        for (String native2q : List.of("cx", "cz", "ecr")) {
            assertThat(unitary(BasisTranslation.translate(c, native2q)).equalsUpToGlobalPhase(unitary(c), 1e-8)).isTrue();
        }
    }
}
