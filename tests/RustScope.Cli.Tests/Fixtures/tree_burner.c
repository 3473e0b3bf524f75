/* Starts 3 children that each burn a core for the given seconds (default 3), waits for them, and reports
   "child PID cpu_s=…" for each and the CPU and wall time of the whole burn. */
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include "clocks.h"

int main(int argc, char **argv) {
    double seconds = argc > 1 ? atof(argv[1]) : 3;
    usleep(200 * 1000);
    double start = now();
    for (int c = 0; c < 3; c++) {
        if (fork() == 0) {
            burn_until(now() + seconds);
            _exit(0);
        }
    }
    double total = 0;
    struct rusage usage;
    int child;
    while ((child = wait4(-1, NULL, 0, &usage)) > 0) {
        printf("child %d cpu_s=%.3f\n", child, rusage_cpu(&usage));
        total += rusage_cpu(&usage);
    }
    report_used(total + own_cpu(), now() - start);
    return 0;
}
