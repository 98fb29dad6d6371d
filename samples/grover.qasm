// Grover search over 3 qubits for the marked state |101>, two iterations (p ≈ 0.945).
OPENQASM 2.0;
include "qelib1.inc";
qreg q[3];
creg c[3];
gate oracle a, b, c {
  // phase-flip |101> (a = bit 0, c = bit 2): flip b so the pattern becomes all ones, then CCZ
  x b;
  h c; ccx a, b, c; h c;
  x b;
}
gate diffuser a, b, c {
  h a; h b; h c;
  x a; x b; x c;
  h c; ccx a, b, c; h c;
  x a; x b; x c;
  h a; h b; h c;
}
h q;
oracle q[0], q[1], q[2];
diffuser q[0], q[1], q[2];
oracle q[0], q[1], q[2];
diffuser q[0], q[1], q[2];
measure q -> c;
