/* Qubench peer benchmark: the circuits of `qubench bench` (GHZ, textbook QFT, 20-layer random)
 * run with libquantum (Debian libquantum-dev). Random angles differ from Qubench's generator;
 * the structure and gate counts are the same. Usage: libquantum_bench ghz|qft|random N SHOTS */
#include <quantum.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void cz(int c, int t, quantum_reg *reg) {
    quantum_hadamard(t, reg);
    quantum_cnot(c, t, reg);
    quantum_hadamard(t, reg);
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s ghz|qft|random N SHOTS\n", argv[0]);
        return 2;
    }
    const char *circuit = argv[1];
    int n = atoi(argv[2]);
    int shots = atoi(argv[3]);
    srand(2026);
    quantum_reg reg = quantum_new_qureg(0, n);
    if (strcmp(circuit, "ghz") == 0) {
        quantum_hadamard(0, &reg);
        for (int q = 1; q < n; q++) quantum_cnot(q - 1, q, &reg);
    } else if (strcmp(circuit, "qft") == 0) {
        for (int t = n - 1; t >= 0; t--) {
            quantum_hadamard(t, &reg);
            for (int c = t - 1; c >= 0; c--) quantum_cond_phase_kick(c, t, M_PI / pow(2, t - c), &reg);
        }
        for (int q = 0; q < n / 2; q++) {
            quantum_cnot(q, n - 1 - q, &reg);
            quantum_cnot(n - 1 - q, q, &reg);
            quantum_cnot(q, n - 1 - q, &reg);
        }
    } else {
        for (int layer = 0; layer < 20; layer++) {
            for (int q = 0; q < n; q++) {
                float angle = 2 * M_PI * rand() / (float) RAND_MAX;
                switch (rand() % 3) {
                    case 0: quantum_r_x(q, angle, &reg); break;
                    case 1: quantum_r_y(q, angle, &reg); break;
                    default: quantum_r_z(q, angle, &reg); break;
                }
            }
            for (int q = layer % 2; q + 1 < n; q += 2) {
                if (rand() % 2) quantum_cnot(q, q + 1, &reg); else cz(q, q + 1, &reg);
            }
        }
    }
    unsigned long long sum = 0;
    for (int s = 0; s < shots; s++) sum += quantum_measure(reg);
    printf("%s-%d: %d shots, checksum %llu\n", circuit, n, shots, sum);
    quantum_delete_qureg(&reg);
    return 0;
}
