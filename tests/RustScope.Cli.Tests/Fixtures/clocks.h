/* Clocks for the fixtures, and the line they print so a test can compare rustscope's figures with the truth. */
#include <stdio.h>
#include <sys/resource.h>
#include <time.h>

static inline double clock_seconds(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static inline double now(void) { return clock_seconds(CLOCK_MONOTONIC); }

static inline double own_cpu(void) { return clock_seconds(CLOCK_PROCESS_CPUTIME_ID); }

static inline double rusage_cpu(const struct rusage *usage) {
    return usage->ru_utime.tv_sec + usage->ru_utime.tv_usec / 1e6 + usage->ru_stime.tv_sec + usage->ru_stime.tv_usec / 1e6;
}

/* Burns CPU until the wall clock reaches `end`. */
static inline void burn_until(double end) {
    volatile unsigned long x = 1;
    while (now() < end) {
        for (int i = 0; i < 100000; i++) x = x * 6364136223846793005UL + 1;
    }
}

/* "used cpu_s=… wall_s=…": what the process (and the children it waited for) really used, and over how long. */
static inline void report_used(double cpu_s, double wall_s) {
    printf("used cpu_s=%.6f wall_s=%.6f\n", cpu_s, wall_s);
    fflush(stdout);
}
