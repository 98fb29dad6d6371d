/*
 * The memory-bandwidth bound a state-vector gate pass is measured against, in C on all cores:
 *   in place  a Hadamard on qubit 0 of split re/im double arrays of 2^n, read and written once
 *             (2 x 16 B per amplitude): the pass GatePassBenchmark times, as fast as C does it
 *   copy      STREAM's copy, b[i] = a[i] over 2^n doubles (2 x 8 B per element)
 *   by pair (lower,upper after n): an rxx-like two-qubit pass on those targets, plain and with
 *             prefetch instructions one pair of lower runs ahead (see pairPass)
 *   by target (targets after n): the same Hadamard on each qubit given, plain and with prefetch
 *             instructions one block of 2^(t+1) ahead in address order. On qubits 6-11 the plain
 *             pass is up to 2x slower here (runs of 512 B-16 KiB the hardware prefetcher follows
 *             badly); prefetching brings it back. Java has no prefetch instruction (FastState reads ahead instead).
 * Best of 15 passes each (9 by target), on memory touched beforehand (first touch is slow here).
 *   gcc -O3 -march=native -fopenmp -o target/inplace bench/bandwidth/inplace.c && target/inplace 24 [target | lower,upper ...]
 */
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

/*
 * A two-qubit pass on targets lo < hi (offsets): each group of four amplitudes i, i + lo, i + hi,
 * i + lo + hi is read and written once, rxx's pattern (each output two terms, a rotation of an
 * amplitude with the one with both targets flipped). Plain, and with prefetch instructions for
 * the group one pair of lower runs (2 lo) ahead, as FastState's pair-by-pair read-ahead touches.
 */
static void pairPass(double *re, double *im, size_t len, size_t lo, size_t hi, int low, int high) {
    const double c = 0.8, s = 0.6;
    double best[2] = {1e9, 1e9};
    for (int r = 0; r < 18; r++) {
        int prefetch = r % 2;
        double t = omp_get_wtime();
#pragma omp parallel for schedule(static)
        for (size_t v = 0; v < len / 4; v += 8) {
            size_t w = ((v & ~(lo - 1)) << 1) | (v & (lo - 1));
            size_t i = ((w & ~(hi - 1)) << 1) | (w & (hi - 1));
            size_t ahead = i + 2 * lo;
            if (prefetch && ahead + lo + hi + 8 < len) {
                __builtin_prefetch(re + ahead, 1);
                __builtin_prefetch(re + ahead + lo, 1);
                __builtin_prefetch(re + ahead + hi, 1);
                __builtin_prefetch(re + ahead + lo + hi, 1);
                __builtin_prefetch(im + ahead, 1);
                __builtin_prefetch(im + ahead + lo, 1);
                __builtin_prefetch(im + ahead + hi, 1);
                __builtin_prefetch(im + ahead + lo + hi, 1);
            }
            for (size_t k = i; k < i + 8; k++) {
                size_t k3 = k + lo + hi;
                double ar = re[k], ai = im[k], br = re[k3], bi = im[k3];
                re[k] = c * ar + s * bi;
                im[k] = c * ai - s * br;
                re[k3] = c * br + s * ai;
                im[k3] = c * bi - s * ar;
                double er = re[k + lo], ei = im[k + lo], fr = re[k + hi], fi = im[k + hi];
                re[k + lo] = c * er + s * fi;
                im[k + lo] = c * ei - s * fr;
                re[k + hi] = c * fr + s * ei;
                im[k + hi] = c * fi - s * er;
            }
        }
        t = omp_get_wtime() - t;
        best[prefetch] = t < best[prefetch] ? t : best[prefetch];
    }
    printf("targets %d,%d: in-place pass %.2f ms plain, %.2f ms with prefetch\n", low, high, best[0] * 1e3, best[1] * 1e3);
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 24;
    if (n < 10 || n > 31) {
        fprintf(stderr, "inplace: qubits must be 10 to 31, not %s\n", argv[1]);
        return 2;
    }
    size_t len = (size_t) 1 << n;
    double *re = aligned_alloc(64, len * sizeof(double));
    double *im = aligned_alloc(64, len * sizeof(double));
    if (re == NULL || im == NULL) {
        fprintf(stderr, "inplace: cannot allocate 2 x %zu doubles\n", len);
        return 2;
    }
#pragma omp parallel for schedule(static)
    for (size_t i = 0; i < len; i++) {
        re[i] = 1e-3 * (double) i;
        im[i] = 0.5;
    }
    const double h = 0.70710678118654752;
    double inPlace = 1e9;
    for (int r = 0; r < 15; r++) {
        double t = omp_get_wtime();
#pragma omp parallel for schedule(static)
        for (size_t i = 0; i < len; i += 2) {
            double a = re[i], b = re[i + 1], c = im[i], d = im[i + 1];
            re[i] = h * (a + b);
            re[i + 1] = h * (a - b);
            im[i] = h * (c + d);
            im[i + 1] = h * (c - d);
        }
        t = omp_get_wtime() - t;
        inPlace = t < inPlace ? t : inPlace;
    }
    double copy = 1e9;
    for (int r = 0; r < 15; r++) {
        double t = omp_get_wtime();
#pragma omp parallel for schedule(static)
        for (size_t i = 0; i < len; i++) {
            im[i] = re[i];
        }
        t = omp_get_wtime() - t;
        copy = t < copy ? t : copy;
    }
    printf("n=%d, %d threads: in-place pass %.2f ms = %.1f GB/s; copy %.2f ms = %.1f GB/s\n", n, omp_get_max_threads(),
           inPlace * 1e3, 32.0 * (double) len / inPlace / 1e9, copy * 1e3, 16.0 * (double) len / copy / 1e9);
    for (int a = 2; a < argc; a++) {
        int low, high;
        if (sscanf(argv[a], "%d,%d", &low, &high) == 2) {
            if (low < 3 || high <= low || high >= n) {
                fprintf(stderr, "inplace: a pair must be lower,upper with 3 <= lower < upper < %d, not %s\n", n, argv[a]);
                return 2;
            }
            pairPass(re, im, len, (size_t) 1 << low, (size_t) 1 << high, low, high);
            continue;
        }
        int target = atoi(argv[a]);
        if (target < 3 || target >= n) {
            fprintf(stderr, "inplace: a target must be 3 to %d, not %s\n", n - 1, argv[a]);
            return 2;
        }
        size_t t = (size_t) 1 << target;
        double best[2] = {1e9, 1e9};
        for (int r = 0; r < 18; r++) {
            int prefetch = r % 2;
            double s = omp_get_wtime();
#pragma omp parallel for schedule(static)
            for (size_t v = 0; v < len / 2; v += 8) {
                size_t i = ((v & ~(t - 1)) << 1) | (v & (t - 1));
                size_t ahead = (i & ~(2 * t - 1)) + 2 * t + 2 * (i & (2 * t - 1));
                if (prefetch && ahead + 8 < len) {
                    __builtin_prefetch(re + ahead, 1);
                    __builtin_prefetch(re + ahead + 8, 1);
                    __builtin_prefetch(im + ahead, 1);
                    __builtin_prefetch(im + ahead + 8, 1);
                }
                for (size_t k = i; k < i + 8; k++) {
                    double x = re[k], y = re[k + t], c = im[k], d = im[k + t];
                    re[k] = h * (x + y);
                    re[k + t] = h * (x - y);
                    im[k] = h * (c + d);
                    im[k + t] = h * (c - d);
                }
            }
            s = omp_get_wtime() - s;
            best[prefetch] = s < best[prefetch] ? s : best[prefetch];
        }
        printf("target %d: in-place pass %.2f ms plain, %.2f ms with prefetch\n", target, best[0] * 1e3, best[1] * 1e3);
    }
    free(re);
    free(im);
    return 0;
}
