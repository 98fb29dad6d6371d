// Qubench peer benchmark: the circuits of `qubench bench` (GHZ, textbook QFT, 20-layer random) run with
// Gluon's Strange (Maven org.redfx:strange:0.1.3, Java, SimpleQuantumExecutionEnvironment).
// The random circuit draws its gates and angles from SplittableRandom(2026) exactly as
// BenchmarkCircuits.random does, so it is the very circuit `qubench bench --circuit random` emits.
// Strange's runProgram returns the final state and one measurement (Result.measureSystem), so every
// shot is a whole runProgram; peers are timed with one shot.
// Gates Strange 0.1.3 lacks or gets wrong, replaced by exact equivalents:
//   cp(θ) -> Cr(control, target, θ) = diag(1, 1, 1, e^iθ) (symmetric in its two qubits);
//   rz(θ) -> R(θ) = diag(1, e^iθ) = e^iθ/2 rz(θ): equal up to a global phase no measurement sees.
//            Strange's own RotationZ(θ) builds diag(e^-iθ/2, e^-iθ/2), a global phase only.
// Strange puts qubit k at bit k of the state index, as Qubench does. Single-qubit gates of one layer
// share a Step (a column, Strange's unit of work); each two-qubit gate gets a Step of its own.
// Usage: java -cp strange-0.1.3.jar StrangeBench.java ghz|qft|random N SHOTS [--probs]
//   --probs prints the final probabilities (qubench's bit order, qubit N-1 first) instead of timing.
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.redfx.strange.Complex;
import org.redfx.strange.Gate;
import org.redfx.strange.Program;
import org.redfx.strange.Result;
import org.redfx.strange.Step;
import org.redfx.strange.gate.Cnot;
import org.redfx.strange.gate.Cr;
import org.redfx.strange.gate.Cz;
import org.redfx.strange.gate.Hadamard;
import org.redfx.strange.gate.R;
import org.redfx.strange.gate.RotationX;
import org.redfx.strange.gate.RotationY;
import org.redfx.strange.gate.Swap;
import org.redfx.strange.local.SimpleQuantumExecutionEnvironment;

public class StrangeBench {

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: StrangeBench ghz|qft|random N SHOTS [--probs]");
            System.exit(2);
        }
        String circuit = args[0];
        int n = Integer.parseInt(args[1]);
        int shots = Integer.parseInt(args[2]);
        boolean probs = args.length > 3 && args[3].equals("--probs");
        List<Step> steps = new ArrayList<>();
        switch (circuit) {
            case "ghz" -> {
                steps.add(new Step(new Hadamard(0)));
                for (int q = 1; q < n; q++) {
                    steps.add(new Step(new Cnot(q - 1, q)));
                }
            }
            case "qft" -> {
                for (int t = n - 1; t >= 0; t--) {
                    steps.add(new Step(new Hadamard(t)));
                    for (int c = t - 1; c >= 0; c--) {
                        steps.add(new Step(new Cr(c, t, Math.PI / Math.pow(2, t - c))));
                    }
                }
                for (int q = 0; q < n / 2; q++) {
                    steps.add(new Step(new Swap(q, n - 1 - q)));
                }
            }
            case "random" -> {
                SplittableRandom rnd = new SplittableRandom(2026);
                for (int layer = 0; layer < 20; layer++) {
                    Gate[] rotations = new Gate[n];
                    for (int q = 0; q < n; q++) {
                        int axis = rnd.nextInt(3);
                        double angle = rnd.nextDouble(0, 2 * Math.PI);
                        rotations[q] = switch (axis) {
                            case 0 -> new RotationX(angle, q);
                            case 1 -> new RotationY(angle, q);
                            default -> new R(angle, q);
                        };
                    }
                    steps.add(new Step(rotations));
                    for (int q = layer % 2; q + 1 < n; q += 2) {
                        steps.add(new Step(rnd.nextBoolean() ? new Cnot(q, q + 1) : new Cz(q, q + 1)));
                    }
                }
            }
            default -> {
                System.err.println("unknown circuit " + circuit);
                System.exit(2);
            }
        }
        Program program = new Program(n, steps.toArray(Step[]::new));
        long sum = 0;
        Result result = null;
        for (int s = 0; s < shots; s++) {
            result = new SimpleQuantumExecutionEnvironment().runProgram(program);
            sum += result.getMeasuredProbability();
        }
        if (probs) {
            Complex[] amplitudes = result.getProbability();
            for (int i = 0; i < amplitudes.length; i++) {
                double p = amplitudes[i].abssqr();
                if (p > 1e-9) {
                    String bits = Integer.toBinaryString(i);
                    System.out.printf("%s %.6f%n", "0".repeat(n - bits.length()) + bits, p);
                }
            }
        } else {
            System.out.printf("%s-%d: %d shots, checksum %d%n", circuit, n, shots, sum);
        }
    }
}
