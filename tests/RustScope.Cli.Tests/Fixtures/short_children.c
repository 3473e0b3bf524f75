/* Starts N children one after another (default 20), each burning 30 ms of CPU and exiting at once: most end between
   two discoveries of rustscope, so only the parent's reaped-children time shows them. Reports the true total. */
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include "clocks.h"

int main(int argc, char **argv) {
    int children = argc > 1 ? atoi(argv[1]) : 20;
    double start = now();
    for (int c = 0; c < children; c++) {
        if (fork() == 0) {
            volatile unsigned long x = 1;
            while (own_cpu() < 0.030) x = x * 6364136223846793005UL + 1;
            _exit(0);
        }
        wait(NULL);
    }
    struct rusage usage;
    getrusage(RUSAGE_CHILDREN, &usage);
    report_used(rusage_cpu(&usage) + own_cpu(), now() - start);
    /* Stay a moment so rustscope's last read of this process includes every reaped child. */
    usleep(300 * 1000);
    return 0;
}
