/* Does a fixed amount of CPU work — the given millions of steps (default 100) — however long the machine takes to
   give it the CPU: a target whose CPU seconds are its work and whose wall time is the machine's business. */
#include <stdlib.h>

int main(int argc, char **argv) {
    long millions = argc > 1 ? atol(argv[1]) : 100;
    volatile unsigned long x = 1;
    for (long m = 0; m < millions; m++) {
        for (int i = 0; i < 1000000; i++) x = x * 6364136223846793005UL + 1;
    }
    return 0;
}
