/*
 * CPU time of ML-KEM-768 (FIPS 203) key generation, encapsulation and decapsulation, timed with the
 * calling thread's CPU clock, for docs/costs.md ("Post-quantum hybrid key exchange"). Linked against
 * the pq-crystals reference or AVX2 implementation (its `standard` branch implements ML-KEM) by
 * validation/mlkem/run.sh; nothing of that repository is kept here.
 * Prints "operation median_ns min_ns max_ns" over --reps repetitions of --iters operations each.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "kem.h"

static double thread_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    int reps = 9, iters = 5000;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--reps") == 0) reps = atoi(argv[i + 1]);
        else if (strcmp(argv[i], "--iters") == 0) iters = atoi(argv[i + 1]);
    }
    static uint8_t pk[CRYPTO_PUBLICKEYBYTES], sk[CRYPTO_SECRETKEYBYTES], ct[CRYPTO_CIPHERTEXTBYTES];
    uint8_t ss_enc[CRYPTO_BYTES], ss_dec[CRYPTO_BYTES];
    crypto_kem_keypair(pk, sk);
    crypto_kem_enc(ct, ss_enc, pk);
    crypto_kem_dec(ss_dec, ct, sk);
    if (memcmp(ss_enc, ss_dec, CRYPTO_BYTES) != 0) {
        fprintf(stderr, "bench: decapsulation disagrees with encapsulation\n");
        return 1;
    }
    printf("# %s: public key %d B, ciphertext %d B, shared secret %d B\n", CRYPTO_ALGNAME,
           CRYPTO_PUBLICKEYBYTES, CRYPTO_CIPHERTEXTBYTES, CRYPTO_BYTES);
    const char *names[] = {"keygen", "encaps", "decaps"};
    double *samples = malloc(sizeof(double) * reps);
    for (int op = 0; op < 3; op++) {
        for (int r = 0; r < reps; r++) {
            double start = thread_ns();
            for (int i = 0; i < iters; i++) {
                if (op == 0) crypto_kem_keypair(pk, sk);
                else if (op == 1) crypto_kem_enc(ct, ss_enc, pk);
                else crypto_kem_dec(ss_dec, ct, sk);
            }
            samples[r] = (thread_ns() - start) / iters;
        }
        qsort(samples, reps, sizeof(double), compare);
        printf("%s %.0f %.0f %.0f\n", names[op], samples[reps / 2], samples[0], samples[reps - 1]);
    }
    free(samples);
    return 0;
}
