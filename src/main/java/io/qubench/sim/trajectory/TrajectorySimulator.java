package io.qubench.sim.trajectory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.Gates;
import io.qubench.circuit.Matrix;
import io.qubench.circuit.Operation;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.Operation.Measurement;
import io.qubench.noise.NoiseModel;
import io.qubench.noise.QuantumChannel;
import io.qubench.sim.Bitstrings;
import io.qubench.sim.MemoryGuard;
import io.qubench.sim.PauliString;
import io.qubench.sim.RunOptions;
import io.qubench.sim.ShotRunner;
import io.qubench.sim.SimulationException;
import io.qubench.sim.SimulationResult;
import io.qubench.sim.Simulator;
import io.qubench.sim.statevector.FastState;
import io.qubench.sim.statevector.ParallelPolicy;

/**
 * Monte-Carlo wave-function simulation of noisy circuits too large for a density matrix: each
 * shot follows one pure-state trajectory in which every channel applies one of its Kraus
 * operators at random.
 *
 * <p>When every channel is a mixture of unitaries (depolarizing, Pauli) and measurements are
 * terminal, the Kraus choices of all shots are drawn first and the shots are run as a tree:
 * shots share the state up to their first different choice, so the common error-free prefix is
 * simulated once, not once per shot. Otherwise each shot is simulated on its own.
 */
public final class TrajectorySimulator implements Simulator {

    private final NoiseModel noise;
    private final ParallelPolicy policy;

    public TrajectorySimulator(NoiseModel noise) {
        this(noise, ParallelPolicy.allCores(1 << 15));
    }

    public TrajectorySimulator(NoiseModel noise, ParallelPolicy policy) {
        this.noise = noise;
        this.policy = policy;
    }

    @Override
    public String name() {
        return "trajectory";
    }

    /** One step of the noisy program: a gate, or a channel on some qubits. */
    private record Step(Matrix gate, int[] qubits, QuantumChannel channel, double[] weights, Matrix[] unitaries) {
        boolean isChannel() {
            return channel != null;
        }
    }

    @Override
    public SimulationResult run(Circuit circuit, RunOptions options) {
        return runWithExpectations(circuit, options, List.of()).result();
    }

    /** A run's counts, and the expectation values estimated over the trajectories they were sampled from. */
    public record Run(SimulationResult result, List<Estimate> expectations) {
    }

    /** An expectation value estimated over trajectories: their mean, and the standard error of that mean. */
    public record Estimate(double value, double standardError) {
    }

    /**
     * The run, and ⟨P⟩ for each Pauli string in the noisy state before the terminal measurements,
     * for circuits whose density matrix is too large: the mean of ⟨ψ|P|ψ⟩ over the run's
     * {@code options.shots()} trajectories, from the same end states its shots are sampled from,
     * with the standard error of that mean. Readout errors, which act on reported bits, are not
     * in it. With Pauli strings, a mid-circuit measurement, a reset or a condition, or fewer than
     * two shots, is a clear error.
     */
    public Run runWithExpectations(Circuit circuit, RunOptions options, List<PauliString> paulis) {
        long start = System.nanoTime();
        int n = circuit.numQubits();
        requireFits(n);
        if (options.statevector()) {
            throw new SimulationException("the trajectory engine samples noisy shots and has no single state vector; "
                    + "use the statevector engine without noise");
        }
        paulis.forEach(p -> p.requireFits(n));
        Circuit flat = ShotRunner.prepare(circuit, options);
        if (!paulis.isEmpty()) {
            ShotRunner.requireFinalState(flat);
            if (options.shots() < 2) {
                throw new SimulationException("an estimate over noisy trajectories needs at least 2 shots (one trajectory each), not "
                        + options.shots());
            }
        }
        SplittableRandom random = new SplittableRandom(options.seed());
        boolean implicit = flat.operations().stream().noneMatch(o -> o instanceof Measurement);
        Map<String, Integer> counts;
        List<Estimate> estimates = List.of();
        if (ShotRunner.terminalMeasurementsOnly(flat)) {
            Counter counter = new Counter(flat, implicit);
            Averages averages = new Averages(paulis);
            trajectories(flat, options, random, paulis.isEmpty() ? counter : (state, shots, leafRandom) -> {
                averages.reached(state, shots, leafRandom);
                counter.reached(state, shots, leafRandom);
            });
            counts = counter.counts;
            estimates = averages.estimates(options.shots());
        } else {
            counts = shotByShot(flat, options, random);
        }
        SimulationResult result = new SimulationResult(n, circuit.numClbits(), options.shots(), options.seed(), new TreeMap<>(counts),
                null, implicit, name(), System.nanoTime() - start);
        return new Run(result, estimates);
    }

    /**
     * Every shot's trajectory through the gates of a circuit measured only at its end, each end
     * state given to {@code leaf}: as a tree of shared prefixes when every channel is a mixture of
     * unitaries, else one by one with Kraus operators picked by their probability in the state.
     */
    private void trajectories(Circuit flat, RunOptions options, SplittableRandom random, Leaf leaf) {
        if (allUnitaryMixtures(flat)) {
            new Tree(flat, options, random, leaf).run();
            return;
        }
        List<GateOperation> gates = ShotRunner.gatesOf(flat);
        for (int shot = 0; shot < options.shots(); shot++) {
            FastState state = new FastState(flat.numQubits(), policy, 0);
            for (GateOperation g : gates) {
                applyNoisy(state, g, random);
            }
            leaf.reached(state, new int[] {shot}, random);
            ShotRunner.checkCancelled();
        }
        options.progress().progress(1.0);
    }

    private static void requireFits(int n) {
        MemoryGuard.requireFits(n, MemoryGuard.statevectorBytes(n, 3), MemoryGuard.availableBytes(),
                "with copies kept at branches of the trajectories");
        if (n > io.qubench.sim.statevector.StateVectorSimulator.MAX_QUBITS) {
            throw new SimulationException("the trajectory engine holds at most 30 qubits; this circuit has " + n);
        }
    }

    /** Sums over trajectories of ⟨P⟩ and ⟨P⟩² per Pauli string; leaves of the tree may end on several threads at once. */
    private static final class Averages implements Leaf {
        private final List<PauliString> paulis;
        private final double[] sums;
        private final double[] squares;

        Averages(List<PauliString> paulis) {
            this.paulis = paulis;
            this.sums = new double[paulis.size()];
            this.squares = new double[paulis.size()];
        }

        @Override
        public void reached(FastState state, int[] shots, SplittableRandom random) {
            double[] values = paulis.stream().mapToDouble(state::expectation).toArray();
            synchronized (this) {
                for (int k = 0; k < values.length; k++) {
                    sums[k] += shots.length * values[k];
                    squares[k] += shots.length * values[k] * values[k];
                }
            }
        }

        /** The means over {@code trajectories} (at least 2), with the standard errors of the means. */
        synchronized List<Estimate> estimates(int trajectories) {
            List<Estimate> estimates = new ArrayList<>();
            for (int k = 0; k < sums.length; k++) {
                double mean = sums[k] / trajectories;
                double variance = Math.max(0, (squares[k] - trajectories * mean * mean) / (trajectories - 1));
                estimates.add(new Estimate(mean, Math.sqrt(variance / trajectories)));
            }
            return estimates;
        }
    }

    /** What happens where trajectories end: {@code shots} followed the same one to {@code state}. */
    @FunctionalInterface
    private interface Leaf {
        /** Called once per end state, possibly on several threads at once; {@code random} is the leaf's own. */
        void reached(FastState state, int[] shots, SplittableRandom random);
    }

    private boolean allUnitaryMixtures(Circuit flat) {
        for (Operation op : flat.operations()) {
            if (op instanceof GateOperation g) {
                for (NoiseModel.Applied a : noise.after(g)) {
                    if (!a.channel().unitaryMixture()) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private List<Step> gateSteps(Circuit flat) {
        List<Step> steps = new ArrayList<>();
        for (Operation op : flat.operations()) {
            if (op instanceof GateOperation g) {
                addGate(steps, g);
            }
        }
        return steps;
    }

    private void addGate(List<Step> steps, GateOperation g) {
        steps.add(new Step(Gates.matrix(g.gate(), g.paramValues(Map.of())), qubits(g.qubits()), null, null, null));
        for (NoiseModel.Applied a : noise.after(g)) {
            QuantumChannel c = a.channel();
            int d = 1 << c.qubits();
            double[] w = new double[c.kraus().size()];
            Matrix[] u = new Matrix[w.length];
            for (int k = 0; k < w.length; k++) {
                Matrix kk = c.kraus().get(k);
                double norm = 0;
                for (double v : kk.toArray()) {
                    norm += v * v;
                }
                w[k] = norm / d;
                u[k] = w[k] > 0 ? kk.scale(1 / Math.sqrt(w[k]), 0) : kk;
            }
            steps.add(new Step(null, qubits(a.qubits()), c, w, u));
        }
    }

    private static int[] qubits(List<Integer> q) {
        return q.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A branch with at least this many steps left may run on another core (its cost is its steps, whatever its shots). */
    private static final int MIN_FORKED_STEPS = 16;
    /**
     * The branches' own workers, one per core: the common pool has one fewer, and a thread
     * waiting in it for a branch another took does not run the others.
     */
    private static final java.util.concurrent.ForkJoinPool BRANCHES = new java.util.concurrent.ForkJoinPool(
            Runtime.getRuntime().availableProcessors());

    /**
     * Shots of a terminally measured circuit whose channels are unitary mixtures, run as a tree
     * of shared prefixes whose branches run in parallel.
     */
    private final class Tree {
        private final Circuit flat;
        private final RunOptions options;
        private final Leaf leaf;
        private final List<Step> steps;
        /** Each leaf samples with its own generator, seeded from this and its first shot: the counts do not depend on which thread ran it. */
        private final long leafSeed;
        /** Branches run in parallel: a forked one holds a copy of the state, so only this many wait at once. */
        private final int maxForked = 2 * Runtime.getRuntime().availableProcessors();
        private final java.util.concurrent.atomic.AtomicInteger forked = new java.util.concurrent.atomic.AtomicInteger();
        /** Set when the thread waiting for the branches is interrupted: every worker then stops at its next branch point. */
        private volatile boolean cancelled;
        /** choice[shot][channel step] = Kraus index; the most likely one of each channel is the default. */
        private final int[][] choices;
        private final int[] channelSteps;
        private final int[] defaults;

        Tree(Circuit flat, RunOptions options, SplittableRandom random, Leaf leaf) {
            this.flat = flat;
            this.options = options;
            this.leaf = leaf;
            this.steps = gateSteps(flat);
            channelSteps = java.util.stream.IntStream.range(0, steps.size()).filter(i -> steps.get(i).isChannel()).toArray();
            defaults = new int[channelSteps.length];
            for (int c = 0; c < channelSteps.length; c++) {
                double[] w = steps.get(channelSteps[c]).weights();
                int best = 0;
                for (int k = 1; k < w.length; k++) {
                    best = w[k] > w[best] ? k : best;
                }
                defaults[c] = best;
            }
            leafSeed = random.nextLong();
            choices = new int[options.shots()][];
            for (int s = 0; s < options.shots(); s++) {
                int[] pick = new int[channelSteps.length];
                for (int c = 0; c < channelSteps.length; c++) {
                    pick[c] = draw(steps.get(channelSteps[c]).weights(), random.nextDouble());
                }
                choices[s] = pick;
            }
        }

        void run() {
            int[] all = java.util.stream.IntStream.range(0, options.shots()).toArray();
            if (all.length > 0) {
                FastState root = new FastState(flat.numQubits(), policy, 0);
                // An interruptible wait: a fork/join join would hide the interrupt until the branches end.
                try {
                    BRANCHES.submit(() -> branch(root, 0, 0, all)).get();
                } catch (InterruptedException e) {
                    cancelled = true;
                    Thread.currentThread().interrupt();
                    throw new java.util.concurrent.CancellationException("simulation cancelled");
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
            options.progress().progress(1.0);
        }

        /** Runs steps from {@code step} (channel counter {@code channel}) for {@code shots}, which agree so far. */
        private void branch(FastState state, int step, int channel, int[] shots) {
            while (step < steps.size()) {
                Step s = steps.get(step);
                if (!s.isChannel()) {
                    state.applyMatrix(s.gate(), s.qubits());
                    step++;
                    continue;
                }
                Map<Integer, List<Integer>> groups = new TreeMap<>();
                for (int shot : shots) {
                    groups.computeIfAbsent(choices[shot][channel], k -> new ArrayList<>()).add(shot);
                }
                if (groups.size() == 1) {
                    int k = groups.keySet().iterator().next();
                    applyKraus(state, s, k);
                    step++;
                    channel++;
                    continue;
                }
                if (cancelled) {
                    throw new java.util.concurrent.CancellationException("simulation cancelled");
                }
                List<Map.Entry<Integer, List<Integer>>> entries = new ArrayList<>(groups.entrySet());
                List<java.util.concurrent.ForkJoinTask<?>> running = new ArrayList<>();
                for (int e = 0; e < entries.size(); e++) {
                    boolean last = e == entries.size() - 1;
                    FastState child = last ? state : state.copy();
                    int kraus = entries.get(e).getKey();
                    int[] group = entries.get(e).getValue().stream().mapToInt(Integer::intValue).toArray();
                    int nextStep = step + 1;
                    int nextChannel = channel + 1;
                    Runnable rest = () -> {
                        applyKraus(child, s, kraus);
                        branch(child, nextStep, nextChannel, group);
                    };
                    if (!last && steps.size() - nextStep >= MIN_FORKED_STEPS && reserveFork()) {
                        running.add(java.util.concurrent.ForkJoinTask.adapt(() -> {
                            try {
                                rest.run();
                            } finally {
                                forked.decrementAndGet();
                            }
                        }).fork());
                    } else {
                        rest.run();
                    }
                }
                running.forEach(java.util.concurrent.ForkJoinTask::join);
                return;
            }
            leaf.reached(state, shots, new SplittableRandom(leafSeed ^ (shots[0] * 0x9E3779B97F4A7C15L)));
        }

        private boolean reserveFork() {
            if (forked.incrementAndGet() <= maxForked) {
                return true;
            }
            forked.decrementAndGet();
            return false;
        }

        private void applyKraus(FastState state, Step s, int k) {
            Matrix u = s.unitaries()[k];
            if (!isIdentity(u)) {
                state.applyMatrix(u, s.qubits());
            }
        }
    }

    /** Counts the terminal measurements' outcomes, readout errors included, of the shots at each leaf. */
    private final class Counter implements Leaf {
        private final Circuit flat;
        private final boolean implicit;
        private final List<Measurement> measurements = new ArrayList<>();
        private final Map<String, Integer> counts = new java.util.concurrent.ConcurrentHashMap<>();

        Counter(Circuit flat, boolean implicit) {
            this.flat = flat;
            this.implicit = implicit;
            flat.operations().stream().filter(o -> o instanceof Measurement).forEach(o -> measurements.add((Measurement) o));
        }

        @Override
        public void reached(FastState state, int[] shots, SplittableRandom random) {
            boolean[] clbits = new boolean[flat.numClbits()];
            for (BitSet outcome : state.sample(shots.length, random)) {
                for (int q = 0; q < flat.numQubits(); q++) {
                    int qubit = q;
                    boolean actual = outcome.get(q);
                    noise.readout(q).ifPresent(e -> outcome.set(qubit, e.read(actual, random)));
                }
                String key;
                if (implicit) {
                    key = Bitstrings.ofBits(outcome, flat.numQubits());
                } else {
                    Arrays.fill(clbits, false);
                    for (Measurement m : measurements) {
                        clbits[m.clbit()] = outcome.get(m.qubit());
                    }
                    key = Bitstrings.format(clbits, flat.classicalRegisters());
                }
                counts.merge(key, 1, Integer::sum);
            }
        }
    }

    private static boolean isIdentity(Matrix u) {
        return u.equalsUpToGlobalPhase(Matrix.identity(u.dimension()), 1e-14);
    }

    private static int draw(double[] weights, double u) {
        double sum = 0;
        for (int k = 0; k < weights.length; k++) {
            sum += weights[k];
            if (u < sum) {
                return k;
            }
        }
        return weights.length - 1;
    }

    /** Mid-circuit measurement, reset or conditions: each shot on its own, Kraus operators chosen by their probability in the current state. */
    private Map<String, Integer> shotByShot(Circuit flat, RunOptions options, SplittableRandom random) {
        Map<String, Integer> counts = new HashMap<>();
        boolean implicit = flat.operations().stream().noneMatch(o -> o instanceof Measurement);
        for (int shot = 0; shot < options.shots(); shot++) {
            FastState state = new FastState(flat.numQubits(), ParallelPolicy.SEQUENTIAL, 0);
            boolean[] clbits = new boolean[flat.numClbits()];
            for (Operation op : flat.operations()) {
                if (op.condition().isPresent() && !op.condition().get().holds(clbits)) {
                    continue;
                }
                switch (op) {
                    case GateOperation g -> applyNoisy(state, g, random);
                    case Measurement m -> {
                        boolean actual = state.measure(m.qubit(), random);
                        clbits[m.clbit()] = noise.readout(m.qubit()).map(e -> e.read(actual, random)).orElse(actual);
                    }
                    case Operation.Reset r -> state.reset(r.qubit(), random);
                    case Operation.Barrier b -> { }
                }
            }
            String key;
            if (implicit) {
                BitSet outcome = state.sample(1, random).getFirst();
                key = Bitstrings.ofBits(outcome, flat.numQubits());
            } else {
                key = Bitstrings.format(clbits, flat.classicalRegisters());
            }
            counts.merge(key, 1, Integer::sum);
            ShotRunner.checkCancelled();
        }
        options.progress().progress(1.0);
        return counts;
    }

    /** The gate, then each of its channels with a Kraus operator picked by its probability in the state. */
    private void applyNoisy(FastState state, GateOperation g, SplittableRandom random) {
        List<Step> steps = new ArrayList<>();
        addGate(steps, g);
        for (Step s : steps) {
            if (s.isChannel()) {
                applyChannel(state, s.channel(), s.qubits(), random);
            } else {
                state.applyMatrix(s.gate(), s.qubits());
            }
        }
    }

    /** Picks Kraus operator k with probability ‖K_k ψ‖² and renormalises. */
    private static void applyChannel(FastState state, QuantumChannel channel, int[] qubits, SplittableRandom random) {
        double u = random.nextDouble();
        double cumulative = 0;
        List<Matrix> kraus = channel.kraus();
        for (int k = 0; k < kraus.size(); k++) {
            FastState candidate = k == kraus.size() - 1 ? state : state.copy();
            candidate.applyMatrix(kraus.get(k), qubits);
            double p = candidate.norm();
            cumulative += p;
            if (u < cumulative || k == kraus.size() - 1) {
                if (candidate != state) {
                    state.assign(candidate);
                }
                state.scale(1 / Math.sqrt(p));
                return;
            }
        }
    }
}
