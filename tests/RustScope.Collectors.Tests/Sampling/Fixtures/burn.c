/* A native target for the perf test: burn() is hot for the number of seconds given. */
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

__attribute__((noinline)) unsigned long burn(double seconds) {
    volatile unsigned long x = 88172645463325252UL;
    double end = now() + seconds;
    while (now() < end) {
        for (int i = 0; i < 1000000; i++) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
        }
    }
    return x;
}

int main(int argc, char **argv) {
    double seconds = argc > 1 ? atof(argv[1]) : 2.0;
    return burn(seconds) == 42 ? 1 : 0;
}
