/* Burns one core for the number of seconds given (default 2). */
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    double seconds = argc > 1 ? atof(argv[1]) : 2;
    volatile unsigned long x = 1;
    double end = now() + seconds;
    while (now() < end) {
        for (int i = 0; i < 100000; i++) x = x * 6364136223846793005UL + 1;
    }
    return 0;
}
