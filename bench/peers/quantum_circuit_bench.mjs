// Qubench peer benchmark: the circuits of `qubench bench` (GHZ, textbook QFT, 20-layer random) run with
// the npm package quantum-circuit (JavaScript, sparse state vector of mathjs complex numbers).
// The random circuit draws its gates and angles from a port of java.util.SplittableRandom(2026), used
// exactly as BenchmarkCircuits.random uses it, so it is the very circuit `qubench bench` emits.
// Shots: measureAllMultishot(SHOTS) samples the final state without re-running (no mid-circuit
// measurement), so this peer is timed with 1,000 shots like Qubench. cp(θ) is quantum-circuit's cu1(λ=θ),
// the same diag(1, 1, 1, e^iθ); rx, ry, rz, cx, cz, h and swap are its own gates with Qubench's matrices.
// Run from a directory holding node_modules/quantum-circuit:
//   node quantum_circuit_bench.mjs ghz|qft|random N SHOTS [--probs]
//   --probs prints the final probabilities (qubench's bit order, qubit N-1 first) instead of timing.
import QuantumCircuit from "quantum-circuit";

const [circuit, nText, shotsText, flag] = process.argv.slice(2);
const n = Number(nText);
const shots = Number(shotsText ?? "1000");

// java.util.SplittableRandom(seed): SplitMix64 with the golden gamma, and the JDK's bounded draws.
const MASK = (1n << 64n) - 1n;
let seed = 2026n;
const nextSeed = () => (seed = (seed + 0x9e3779b97f4a7c15n) & MASK);
const mix64 = (z) => {
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK;
  return z ^ (z >> 31n);
};
const mix32 = (z) => {
  z = ((z ^ (z >> 33n)) * 0x62a9d9ed799705f5n) & MASK;
  return Number(BigInt.asIntN(32, (((z ^ (z >> 28n)) * 0xcb24d0a5c88c35b3n) & MASK) >> 32n));
};
const nextInt = () => mix32(nextSeed());
const nextIntBelow = (bound) => { // RandomSupport.boundedNextInt, bound not a power of two
  const m = bound - 1;
  let r = nextInt();
  for (let u = r >>> 1; ((u + m - (r = u % bound)) | 0) < 0; u = nextInt() >>> 1);
  return r;
};
const nextDouble = () => Number(mix64(nextSeed()) >> 11n) * 2 ** -53;
const nextBoolean = () => nextInt() < 0;

const c = new QuantumCircuit(n);
if (circuit === "ghz") {
  c.appendGate("h", 0);
  for (let q = 1; q < n; q++) c.appendGate("cx", [q - 1, q]);
} else if (circuit === "qft") {
  for (let t = n - 1; t >= 0; t--) {
    c.appendGate("h", t);
    for (let ctl = t - 1; ctl >= 0; ctl--) c.appendGate("cu1", [ctl, t], { params: { lambda: Math.PI / 2 ** (t - ctl) } });
  }
  for (let q = 0; q < Math.floor(n / 2); q++) c.appendGate("swap", [q, n - 1 - q]);
} else if (circuit === "random") {
  for (let layer = 0; layer < 20; layer++) {
    for (let q = 0; q < n; q++) {
      const axis = nextIntBelow(3);
      let angle = nextDouble() * (2 * Math.PI); // nextDouble(0, 2π), as RandomSupport.boundedNextDouble
      if (angle >= 2 * Math.PI) angle = 2 * Math.PI - 2 ** -50; // Math.nextDown(2π)
      if (axis === 0) c.appendGate("rx", q, { params: { theta: angle } });
      else if (axis === 1) c.appendGate("ry", q, { params: { theta: angle } });
      else c.appendGate("rz", q, { params: { phi: angle } });
    }
    for (let q = layer % 2; q + 1 < n; q += 2) c.appendGate(nextBoolean() ? "cx" : "cz", [q, q + 1]);
  }
} else {
  console.error(`unknown circuit ${circuit}`);
  process.exit(2);
}
c.run();
if (flag === "--probs") {
  const probs = Object.entries(c.state).map(([index, a]) => [Number(index), a.re ** 2 + a.im ** 2]);
  for (const [index, p] of probs.sort((a, b) => a[0] - b[0])) {
    if (p > 1e-9) console.log(`${index.toString(2).padStart(n, "0")} ${p.toFixed(6)}`);
  }
} else {
  const counts = c.measureAllMultishot(shots);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`${circuit}-${n}: ${total} shots, ${Object.keys(counts).length} outcomes`);
}
