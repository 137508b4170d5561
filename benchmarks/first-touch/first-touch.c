/* What it costs this machine to touch memory for the first time, against touching it again.
 * Maps SIZE_MB of anonymous memory ROUNDS times; each round writes one byte per 4 KiB page (the
 * first touch: a page fault and the kernel zeroing the page, and on a virtual machine whatever the
 * host does to back that guest page), then writes every byte again (memory already mapped), then
 * unmaps it, so the next round's mapping may get back the same guest pages. With "huge" the
 * mapping is advised for transparent huge pages, as ResumeSim's tables and queue arrays are. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

static double seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    size_t mb = argc > 1 ? strtoul(argv[1], NULL, 10) : 1024;
    int rounds = argc > 2 ? atoi(argv[2]) : 3;
    int huge = argc > 3 && strcmp(argv[3], "huge") == 0;
    size_t size = mb << 20;
    double gb = size / (double)(1UL << 30);
    for (int r = 0; r < rounds; r++) {
        char *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) {
            perror("mmap");
            return 1;
        }
        if (huge)
            madvise(p, size, MADV_HUGEPAGE);
        double t0 = seconds();
        for (size_t i = 0; i < size; i += 4096)
            p[i] = 1;
        double t1 = seconds();
        memset(p, 2, size);
        double t2 = seconds();
        printf("round %d, %s pages: first touch %.2f s per GiB, touching again %.2f s per GiB\n",
               r + 1, huge ? "huge" : "4 KiB", (t1 - t0) / gb, (t2 - t1) / gb);
        munmap(p, size);
    }
    return 0;
}
