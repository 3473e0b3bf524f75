/* Does a fixed amount of CPU work (the millions of steps given, default 50), whatever the machine's load: a program
   whose CPU time only changes when its code does, and whose wall time grows when it has to share a core. */
#include <stdlib.h>

int main(int argc, char **argv) {
    long steps = (long)((argc > 1 ? atof(argv[1]) : 50) * 1e6);
    volatile unsigned long x = 1;
    for (long i = 0; i < steps; i++) x = x * 6364136223846793005UL + 1;
    return 0;
}
