/* Does a fixed amount of CPU work — the given millions of steps (default 50) — however long the machine takes to
   give it the CPU: a target whose CPU seconds are its work and whose wall time is the machine's business. */
#include <stdlib.h>

int main(int argc, char **argv) {
    long steps = (long)((argc > 1 ? atof(argv[1]) : 50) * 1e6);
    volatile unsigned long x = 1;
    for (long i = 0; i < steps; i++) x = x * 6364136223846793005UL + 1;
    return 0;
}
