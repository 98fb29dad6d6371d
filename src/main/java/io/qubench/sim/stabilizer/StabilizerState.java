package io.qubench.sim.stabilizer;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.StandardGate;
import io.qubench.sim.PauliString;
import io.qubench.sim.QuantumState;
import io.qubench.sim.ShotRunner;
import io.qubench.sim.SimulationException;

/** A stabilizer state behind the engine interface the shot runner drives. */
final class StabilizerState implements QuantumState {

    /** Above this, a state vector (2^n amplitudes) is not worth building from a tableau. */
    static final int MAX_STATEVECTOR_QUBITS = 20;

    private final Tableau tableau;

    StabilizerState(int qubits) {
        this.tableau = new Tableau(qubits);
    }

    private StabilizerState(Tableau tableau) {
        this.tableau = tableau;
    }

    @Override
    public int qubits() {
        return tableau.qubits();
    }

    @Override
    public void applyGates(List<GateOperation> gates) {
        for (int i = 0; i < gates.size(); i++) {
            GateOperation g = gates.get(i);
            int[] q = g.qubits().stream().mapToInt(Integer::intValue).toArray();
            CliffordDecomposition.apply(tableau, (StandardGate) g.gate(), g.paramValues(Map.of()), q);
            if ((i & 1023) == 1023) {
                ShotRunner.checkCancelled();
            }
        }
    }

    @Override
    public boolean measure(int qubit, RandomGenerator random) {
        return tableau.measure(qubit, random);
    }

    @Override
    public StabilizerState copy() {
        return new StabilizerState(tableau.copy());
    }

    @Override
    public List<BitSet> sample(int shots, RandomGenerator random) {
        Tableau.Support support = tableau.support(random);
        List<BitSet> out = new ArrayList<>(shots);
        for (int s = 0; s < shots; s++) {
            out.add(support.draw(random));
        }
        return out;
    }

    /** ⟨P⟩ (P no longer than the state), exactly 0 or ±1 in a stabilizer state, read from the tableau without copying it. */
    double expectation(PauliString pauli) {
        return tableau.expectation(pauli.xMask(), pauli.zMask());
    }

    /**
     * The state vector, up to a global phase (a tableau has none): the projection
     * Π (1 + g)/2 of one basis state in the support onto the stabilizer group, normalised so
     * that this basis state's amplitude is real and positive.
     */
    @Override
    public double[] amplitudes() {
        int n = tableau.qubits();
        if (n > MAX_STATEVECTOR_QUBITS) {
            throw new SimulationException("the stabilizer engine gives a state vector only up to " + MAX_STATEVECTOR_QUBITS
                    + " qubits; this circuit has " + n);
        }
        BitSet first = tableau.support(new java.util.SplittableRandom(0)).first();
        int size = 1 << n;
        double[] re = new double[size];
        double[] im = new double[size];
        int start = first.isEmpty() ? 0 : (int) first.toLongArray()[0];
        re[start] = 1;
        for (int g = 0; g < n; g++) {
            // P|i⟩ for P = ±X^x Z^z with Y = i·X·Z: phase i^(ys) (−1)^(z·i) (sign), then flip the X part.
            int flip = 0;
            int zMask = 0;
            int ys = 0;
            for (int q = 0; q < n; q++) {
                boolean xq = tableau.stabilizerX(g, q);
                boolean zq = tableau.stabilizerZ(g, q);
                flip |= xq ? 1 << q : 0;
                zMask |= zq ? 1 << q : 0;
                ys += xq && zq ? 1 : 0;
            }
            int base = ys + (tableau.stabilizerSign(g) ? 2 : 0);
            double[] nr = re.clone();
            double[] ni = im.clone();
            for (int i = 0; i < size; i++) {
                if (re[i] == 0 && im[i] == 0) {
                    continue;
                }
                int quarter = (base + 2 * Integer.bitCount(i & zMask)) & 3;
                double pr = quarter == 0 ? 1 : quarter == 2 ? -1 : 0;
                double pi = quarter == 1 ? 1 : quarter == 3 ? -1 : 0;
                int j = i ^ flip;
                nr[j] += pr * re[i] - pi * im[i];
                ni[j] += pr * im[i] + pi * re[i];
            }
            re = nr;
            im = ni;
        }
        double norm = 0;
        for (int i = 0; i < size; i++) {
            norm += re[i] * re[i] + im[i] * im[i];
        }
        double scale = 1 / Math.sqrt(norm);
        double[] out = new double[2 * size];
        for (int i = 0; i < size; i++) {
            out[2 * i] = re[i] * scale;
            out[2 * i + 1] = im[i] * scale;
        }
        return out;
    }
}
