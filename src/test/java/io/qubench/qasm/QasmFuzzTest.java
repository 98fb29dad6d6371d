package io.qubench.qasm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Damaged programs either parse or fail with a located QasmException: never anything else. */
class QasmFuzzTest {

    private static final List<String> SEEDS = List.of(
            "OPENQASM 2.0;\ninclude \"qelib1.inc\";\ngate g(t) a,b { rz(t/2) a; cx a,b; }\nqreg q[3];\ncreg c[3];\nh q;\n"
                    + "g(pi/4) q[0],q[1];\nif (c==1) x q[2];\nbarrier q;\nreset q[0];\nmeasure q -> c;\n",
            "OPENQASM 3.0;\ninclude \"stdgates.inc\";\ninput float[64] theta;\nqubit[3] q;\nbit[3] c;\n"
                    + "ctrl @ x q[0], q[1];\ninv @ s q[2];\nrx(theta*2) q[0];\nc[0] = measure q[0];\nif (c[0]) { x q[1]; }\nc = measure q;\n");
    private static final String ALPHABET = "qch[](){};,->=@$0123456789.+-*/^ \n\"!#abxyz";

    @Test
    void randomDamageNeverEscapesAsAnythingButAQasmException() {
        SplittableRandom random = new SplittableRandom(2026);
        int parsed = 0;
        for (int round = 0; round < 4000; round++) {
            StringBuilder text = new StringBuilder(SEEDS.get(round % SEEDS.size()));
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    default -> text.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
            }
            try {
                QasmReader.parse(text.toString(), "fuzz");
                parsed++;
            } catch (QasmException e) {
                assertThat(e.line()).as(text.toString()).isPositive();
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("damaged program escaped as " + e + ":\n" + text, e);
            }
        }
        assertThat(parsed).isPositive();
    }
}
