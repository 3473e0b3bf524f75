/* A native target for the DWARF test, built with -O2 -fomit-frame-pointer: the hot leaf spin() is four calls below
   main, and without frame pointers perf -g cannot walk back from it. Each level works after its call, so gcc makes
   no tail calls and the levels stay on the stack. */
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

__attribute__((noinline)) unsigned long spin(unsigned long x) {
    for (int i = 0; i < 200000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
    }
    return x;
}

__attribute__((noinline)) unsigned long level3(unsigned long x) { return spin(x) * 3 + 1; }
__attribute__((noinline)) unsigned long level2(unsigned long x) { return level3(x) * 5 + 2; }
__attribute__((noinline)) unsigned long level1(unsigned long x) { return level2(x) * 7 + 3; }

int main(int argc, char **argv) {
    double end = now() + (argc > 1 ? atof(argv[1]) : 2.0);
    volatile unsigned long x = 88172645463325252UL;
    while (now() < end) {
        x = level1(x);
    }
    return x == 42 ? 1 : 0;
}
