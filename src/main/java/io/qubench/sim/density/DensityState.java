package io.qubench.sim.density;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import io.qubench.circuit.Gates;
import io.qubench.circuit.Matrix;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.noise.NoiseModel;
import io.qubench.sim.DenseSampling;
import io.qubench.sim.QuantumState;
import io.qubench.sim.ShotRunner;
import io.qubench.sim.SimulationException;
import io.qubench.sim.statevector.FastState;
import io.qubench.sim.statevector.ParallelPolicy;

/**
 * A density matrix ρ held as a 2n-qubit vector: entry ρ[r][c] at index r + 2^n·c (row bits
 * low, column bits high). A gate U is U on the row qubits and conj(U) on the column qubits; a
 * channel is one pass of its superoperator on (q, q + n) — never Σ K ρ K† with copies.
 */
final class DensityState implements QuantumState {

    private final int n;
    private final FastState rho;
    private final NoiseModel noise;

    DensityState(int n, NoiseModel noise, ParallelPolicy policy) {
        this.n = n;
        this.noise = noise;
        // Fusion stays off: the row and column halves of a gate are applied as separate passes.
        this.rho = new FastState(2 * n, policy, 0);
    }

    private DensityState(DensityState other) {
        this.n = other.n;
        this.noise = other.noise;
        this.rho = other.rho.copy();
    }

    @Override
    public int qubits() {
        return n;
    }

    /**
     * All the gates and their channels go to the state as one list of passes, so that its cache
     * blocking applies many of them per sweep over memory. A one-qubit gate and its channel are
     * one 4×4 superoperator; a wider gate stays U on the rows and conj(U) on the columns with its
     * channels after it: a 16×16 superoperator would cost more arithmetic than the three.
     */
    @Override
    public void applyGates(List<GateOperation> gates) {
        List<FastState.Targeted> passes = new ArrayList<>();
        for (GateOperation g : gates) {
            int[] rows = g.qubits().stream().mapToInt(Integer::intValue).toArray();
            Matrix u = Gates.matrix(g.gate(), g.paramValues(Map.of()));
            List<NoiseModel.Applied> channels = noise.after(g);
            if (rows.length == 1 && channels.size() == 1 && channels.getFirst().qubits().equals(g.qubits())) {
                Matrix s = channels.getFirst().channel().superoperator().multiply(unitarySuperoperator(u));
                passes.add(new FastState.Targeted(s, rowsAndColumns(rows)));
            } else {
                passes.add(new FastState.Targeted(u, rows));
                passes.add(new FastState.Targeted(conjugate(u), columns(rows)));
                for (NoiseModel.Applied a : channels) {
                    int[] q = a.qubits().stream().mapToInt(Integer::intValue).toArray();
                    passes.add(new FastState.Targeted(a.channel().superoperator(), rowsAndColumns(q)));
                }
            }
        }
        ShotRunner.checkCancelled();
        rho.applyMatrices(passes);
    }

    /** Targets of a superoperator: the qubits as rows, then as columns. */
    private int[] rowsAndColumns(int[] q) {
        int[] targets = new int[2 * q.length];
        for (int j = 0; j < q.length; j++) {
            targets[j] = q[j];
            targets[q.length + j] = q[j] + n;
        }
        return targets;
    }

    /** U ⊗ conj(U) on vec index r + d·c: U on the row bits, conj(U) on the column bits. */
    private static Matrix unitarySuperoperator(Matrix u) {
        return u.tensorBelow(conjugate(u));
    }

    private int[] columns(int[] rows) {
        int[] c = new int[rows.length];
        for (int j = 0; j < rows.length; j++) {
            c[j] = rows[j] + n;
        }
        return c;
    }

    private static Matrix conjugate(Matrix u) {
        double[] d = u.toArray();
        for (int k = 1; k < d.length; k += 2) {
            d[k] = -d[k];
        }
        return Matrix.of(u.dimension(), d);
    }

    /** ρ[i][i]. */
    double probability(long basis) {
        return rho.re(basis + (basis << n));
    }

    double trace() {
        double t = 0;
        for (long i = 0; i < 1L << n; i++) {
            t += probability(i);
        }
        return t;
    }

    /** ρ[r][c] as {re, im}, for tests. */
    double[] entry(long r, long c) {
        long index = r + (c << n);
        return new double[] {rho.re(index), rho.im(index)};
    }

    @Override
    public boolean measure(int qubit, RandomGenerator random) {
        double p1 = 0;
        for (long i = 0; i < 1L << n; i++) {
            if ((i >> qubit & 1) == 1) {
                p1 += probability(i);
            }
        }
        boolean one = random.nextDouble() < p1;
        long mask = (1L << qubit) | (1L << (qubit + n));
        rho.keepWhere(mask, one ? mask : 0, 1 / (one ? p1 : 1 - p1));
        return noise.readout(qubit).map(e -> e.read(one, random)).orElse(one);
    }

    @Override
    public DensityState copy() {
        return new DensityState(this);
    }

    @Override
    public List<BitSet> sample(int shots, RandomGenerator random) {
        List<BitSet> outcomes = DenseSampling.sample(n, (from, to, consumer) -> {
            for (long i = from; i < to; i++) {
                consumer.accept(i, Math.max(0, probability(i)));
            }
        }, shots, random);
        if (!noise.isIdeal()) {
            for (BitSet b : outcomes) {
                for (int q = 0; q < n; q++) {
                    int qubit = q;
                    boolean actual = b.get(q);
                    noise.readout(q).ifPresent(e -> b.set(qubit, e.read(actual, random)));
                }
            }
        }
        return outcomes;
    }

    @Override
    public double[] amplitudes() {
        throw new SimulationException("the density-matrix engine has no state vector (its state can be mixed); "
                + "use the statevector engine, or read the probabilities");
    }
}
