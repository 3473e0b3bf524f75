/* A native target for the perf tests: burn() is hot for the seconds given; with "child" a child forked at once
 * burns while the parent only waits, so burn() is seen only if perf follows children from the first instant. */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

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
    if (argc > 2 && strcmp(argv[2], "child") == 0) {
        if (fork() == 0) {
            _exit(burn(seconds) == 42);
        }
        wait(NULL);
        return 0;
    }
    return burn(seconds) == 42 ? 1 : 0;
}
