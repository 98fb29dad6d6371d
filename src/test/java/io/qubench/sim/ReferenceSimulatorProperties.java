package io.qubench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.CircuitBuilder;
import io.qubench.circuit.Expression;
import io.qubench.circuit.Matrix;
import io.qubench.circuit.Operation;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.StandardGate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Properties of the reference engine over random circuits of standard gates. */
public class ReferenceSimulatorProperties {

    private final ReferenceSimulator sim = new ReferenceSimulator();

    /** A random circuit of {@code gates} standard gates with random angles on random qubits. */
    public static Circuit randomCircuit(long seed, int qubits, int gates) {
        Random random = new Random(seed);
        List<StandardGate> fitting = java.util.Arrays.stream(StandardGate.values()).filter(g -> g.numQubits() <= qubits).toList();
        CircuitBuilder b = Circuit.builder().qubits(qubits);
        for (int i = 0; i < gates; i++) {
            StandardGate g = fitting.get(random.nextInt(fitting.size()));
            List<Integer> pool = new ArrayList<>(java.util.stream.IntStream.range(0, qubits).boxed().toList());
            Collections.shuffle(pool, random);
            int[] targets = pool.subList(0, g.numQubits()).stream().mapToInt(Integer::intValue).toArray();
            List<Expression> params = new ArrayList<>();
            for (int p = 0; p < g.numParams(); p++) {
                params.add(Expression.of((random.nextDouble() - 0.5) * 4 * Math.PI));
            }
            b.gate(g, params, targets);
        }
        return b.build();
    }

    static Circuit inverse(Circuit c) {
        List<Operation> out = new ArrayList<>();
        List<Operation> ops = new ArrayList<>(c.operations());
        Collections.reverse(ops);
        for (Operation op : ops) {
            GateOperation g = (GateOperation) op;
            for (StandardGate.Application a : ((StandardGate) g.gate()).inverse(g.params())) {
                out.add(new GateOperation(a.gate(), a.params(), a.arguments().stream().map(g.qubits()::get).toList()));
            }
        }
        return c.withOperations(out);
    }

    private double[] state(Circuit c) {
        return sim.run(c, RunOptions.shots(0, 1).withStatevector(true)).statevector();
    }

    @Property(tries = 60)
    void randomCircuitsKeepTheNorm(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int qubits,
            @ForAll @IntRange(min = 1, max = 40) int gates) {
        double norm = 0;
        for (double v : state(randomCircuit(seed, qubits, gates))) {
            norm += v * v;
        }
        assertThat(norm).isCloseTo(1.0, within(1e-10));
    }

    @Property(tries = 60)
    void aCircuitFollowedByItsInverseReturnsToAllZeros(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int qubits,
            @ForAll @IntRange(min = 1, max = 40) int gates) {
        Circuit c = randomCircuit(seed, qubits, gates);
        List<Operation> both = new ArrayList<>(c.operations());
        both.addAll(inverse(c).operations());
        double[] sv = state(c.withOperations(both));
        assertThat(sv[0] * sv[0] + sv[1] * sv[1]).isCloseTo(1.0, within(1e-10));
    }

    @Property(tries = 40)
    void theStateEqualsTheProductOfEmbeddedGateMatrices(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int qubits,
            @ForAll @IntRange(min = 1, max = 20) int gates) {
        Circuit c = randomCircuit(seed, qubits, gates);
        Matrix u = Matrix.identity(1 << qubits);
        for (Operation op : c.operations()) {
            GateOperation g = (GateOperation) op;
            int[] targets = g.qubits().stream().mapToInt(Integer::intValue).toArray();
            u = ((StandardGate) g.gate()).matrix(g.paramValues(java.util.Map.of())).embed(qubits, targets).multiply(u);
        }
        double[] sv = state(c);
        for (int i = 0; i < (1 << qubits); i++) {
            assertThat(sv[2 * i]).isCloseTo(u.re(i, 0), within(1e-10));
            assertThat(sv[2 * i + 1]).isCloseTo(u.im(i, 0), within(1e-10));
        }
    }
}
