package io.qubench.qasm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.qubench.circuit.Gate;
import io.qubench.circuit.GateDefinition;
import io.qubench.circuit.StandardGate;

/**
 * The built-in include files: {@code qelib1.inc} (OpenQASM 2, Qiskit's version) and
 * {@code stdgates.inc} (OpenQASM 3). Gates of the standard set map to {@link StandardGate};
 * qelib1's others (u0, csx, rccx, rc3x, c3x, c3sqrtx, c4x) are definitions from its text.
 */
final class GateLibrary {

    /** qelib1.inc gates that exist in the standard set. */
    static final Set<String> QELIB1_STANDARD = Set.of("u3", "u2", "u1", "cx", "id", "u", "p", "x", "y", "z", "h", "s",
            "sdg", "t", "tdg", "rx", "ry", "rz", "sx", "sxdg", "cz", "cy", "swap", "ch", "ccx", "cswap", "crx", "cry",
            "crz", "cu1", "cp", "cu3", "cu", "rxx", "rzz");

    /** stdgates.inc gates that exist in the standard set under the same name. */
    static final Set<String> STDGATES_STANDARD = Set.of("p", "x", "y", "z", "h", "s", "sdg", "t", "tdg", "sx", "rx",
            "ry", "rz", "cx", "cy", "cz", "cp", "crx", "cry", "crz", "ch", "swap", "ccx", "cswap", "cu", "id", "u1",
            "u2", "u3");

    /**
     * The rest of Qiskit's qelib1.inc. One deliberate change: its text of c4x applies rc3x
     * twice, which leaves relative phases (it is not a 4-controlled X); Qiskit's own C4XGate
     * uses rc3x then its inverse, written out here.
     */
    static final String QELIB1_EXTRAS = """
            gate u0(gamma) q { U(0,0,0) q; }
            gate csx a,b { h b; cu1(pi/2) a,b; h b; }
            gate rccx a,b,c { u2(0,pi) c; u1(pi/4) c; cx b, c; u1(-pi/4) c; cx a, c; u1(pi/4) c; cx b, c; u1(-pi/4) c; u2(0,pi) c; }
            gate rc3x a,b,c,d { u2(0,pi) d; u1(pi/4) d; cx c,d; u1(-pi/4) d; u2(0,pi) d; cx a,d; u1(pi/4) d; cx b,d;
              u1(-pi/4) d; cx a,d; u1(pi/4) d; cx b,d; u1(-pi/4) d; u2(0,pi) d; u1(pi/4) d; cx c,d; u1(-pi/4) d; u2(0,pi) d; }
            gate c3x a,b,c,d { h d; p(pi/8) a; p(pi/8) b; p(pi/8) c; p(pi/8) d; cx a, b; p(-pi/8) b; cx a, b; cx b, c;
              p(-pi/8) c; cx a, c; p(pi/8) c; cx b, c; p(-pi/8) c; cx a, c; cx c, d; p(-pi/8) d; cx b, d; p(pi/8) d;
              cx c, d; p(-pi/8) d; cx a, d; p(pi/8) d; cx c, d; p(-pi/8) d; cx b, d; p(pi/8) d; cx c, d; p(-pi/8) d;
              cx a, d; h d; }
            gate c3sqrtx a,b,c,d { h d; cu1(pi/8) a,d; h d; cx a,b; h d; cu1(-pi/8) b,d; h d; cx a,b; h d; cu1(pi/8) b,d;
              h d; cx b,c; h d; cu1(-pi/8) c,d; h d; cx a,c; h d; cu1(pi/8) c,d; h d; cx b,c; h d; cu1(-pi/8) c,d; h d;
              cx a,c; h d; cu1(pi/8) c,d; h d; }
            gate c4x a,b,c,d,e { h e; cu1(pi/2) d,e; h e; rc3x a,b,c,d; h e; cu1(-pi/2) d,e; h e;
              u2(0,pi) d; u1(pi/4) d; cx c,d; u1(-pi/4) d; u2(0,pi) d; u1(pi/4) d; cx b,d; u1(-pi/4) d; cx a,d;
              u1(pi/4) d; cx b,d; u1(-pi/4) d; cx a,d; u2(0,pi) d; u1(pi/4) d; cx c,d; u1(-pi/4) d; u2(0,pi) d;
              c3sqrtx a,b,c,e; }
            """;

    private static volatile Map<String, GateDefinition> qelib1Extras;

    private GateLibrary() {
    }

    static Map<String, Gate> qelib1() {
        Map<String, Gate> gates = new LinkedHashMap<>();
        QELIB1_STANDARD.forEach(name -> gates.put(name, StandardGate.byName(name).orElseThrow()));
        gates.putAll(qelib1Extras());
        return gates;
    }

    static Map<String, Gate> stdgates() {
        Map<String, Gate> gates = new LinkedHashMap<>();
        STDGATES_STANDARD.forEach(name -> gates.put(name, StandardGate.byName(name).orElseThrow()));
        gates.put("CX", StandardGate.CX);
        gates.put("phase", StandardGate.P);
        gates.put("cphase", StandardGate.CP);
        return gates;
    }

    /** Parsed once from {@link #QELIB1_EXTRAS} with the standard part of qelib1 in scope. */
    static Map<String, GateDefinition> qelib1Extras() {
        Map<String, GateDefinition> extras = qelib1Extras;
        if (extras == null) {
            Map<String, Gate> scope = new LinkedHashMap<>();
            QELIB1_STANDARD.forEach(name -> scope.put(name, StandardGate.byName(name).orElseThrow()));
            extras = new LinkedHashMap<>();
            for (Gate g : QasmParser.parseDefinitions(QELIB1_EXTRAS, "qelib1.inc", scope)) {
                extras.put(g.qasmName(), (GateDefinition) g);
            }
            qelib1Extras = extras;
        }
        return extras;
    }
}
