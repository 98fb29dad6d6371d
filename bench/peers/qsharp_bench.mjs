// Qubench peer benchmark: the circuits of `qubench bench` in Q#, run with Microsoft's qsharp-lang
// simulator (npm). Q# re-runs the program for every shot, so peers are timed with one shot.
// Run from a directory holding node_modules/qsharp-lang: node qsharp_bench.mjs ghz|qft|random N SHOTS
import { getCompiler, loadWasmModule, QscEventTarget } from "qsharp-lang";
import { readFileSync } from "node:fs";

const [circuit, nText, shotsText] = process.argv.slice(2);
const n = Number(nText);
const shots = Number(shotsText ?? "1");
let seed = 2026;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const body = [];
if (circuit === "ghz") {
  body.push("H(q[0]);");
  for (let i = 1; i < n; i++) body.push(`CNOT(q[${i - 1}], q[${i}]);`);
} else if (circuit === "qft") {
  for (let t = n - 1; t >= 0; t--) {
    body.push(`H(q[${t}]);`);
    for (let c = t - 1; c >= 0; c--) body.push(`Controlled R1([q[${c}]], (${Math.PI / 2 ** (t - c)}, q[${t}]));`);
  }
  for (let i = 0; i < Math.floor(n / 2); i++) body.push(`SWAP(q[${i}], q[${n - 1 - i}]);`);
} else {
  for (let layer = 0; layer < 20; layer++) {
    for (let i = 0; i < n; i++) {
      const gate = ["Rx", "Ry", "Rz"][Math.floor(rand() * 3)];
      body.push(`${gate}(${2 * Math.PI * rand()}, q[${i}]);`);
    }
    for (let i = layer % 2; i + 1 < n; i += 2) body.push(rand() < 0.5 ? `CNOT(q[${i}], q[${i + 1}]);` : `CZ(q[${i}], q[${i + 1}]);`);
  }
}
const code = `namespace Bench {
  operation Main() : Result[] {
    use q = Qubit[${n}];
    ${body.join("\n    ")}
    return MResetEachZ(q);
  }
}`;
const wasmPath = new URL("node_modules/qsharp-lang/lib/web/qsc_wasm_bg.wasm", `file://${process.cwd()}/`);
await loadWasmModule(readFileSync(wasmPath));
const compiler = await getCompiler();
const events = new QscEventTarget(true);
const start = Date.now();
await compiler.run({ sources: [["bench.qs", code]], languageFeatures: [] }, "", shots, events);
const results = events.getResults();
const failed = results.filter((r) => !r.success);
if (failed.length > 0) {
  console.error(JSON.stringify(failed[0].result));
  process.exit(1);
}
console.log(`${circuit}-${n}: ${results.length} shots in ${(Date.now() - start) / 1000} s`);
