/* Starts 3 children that each burn a core for the given seconds (default 3), waits for them. */
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    double seconds = argc > 1 ? atof(argv[1]) : 3;
    usleep(200 * 1000);
    for (int c = 0; c < 3; c++) {
        if (fork() == 0) {
            volatile unsigned long x = 1;
            double end = now() + seconds;
            while (now() < end) {
                for (int i = 0; i < 100000; i++) x = x * 6364136223846793005UL + 1;
            }
            _exit(0);
        }
    }
    while (wait(NULL) > 0) {
    }
    return 0;
}
