/* Leaks exactly 100 blocks of 1234 bytes from leak_here and frees everything else it allocates, through every
 * allocation function the shim interposes: 8,100 allocations of 5,387,900 bytes, 8,000 frees. */
#include <stdlib.h>
#include <malloc.h>
#include <string.h>

__attribute__((noinline)) void *leak_here(void) {
    void *p = malloc(1234);
    memset(p, 1, 1234);
    return p;
}

__attribute__((noinline)) void churn(int n) {
    for (int i = 0; i < n; i++) {
        char *a = malloc(100 + i % 50);
        char *volatile b = calloc(4, 32);
        a = realloc(a, 4000);
        void *c = NULL;
        if (posix_memalign(&c, 64, 256) != 0) abort();
        void *volatile d = aligned_alloc(128, 512);
        void *volatile e = memalign(32, 64);
        void *volatile f = valloc(100);
        void *volatile g = reallocarray(NULL, 10, 8);
        free(a);
        free(b);
        free(c);
        free(d);
        free(e);
        free(f);
        free(g);
    }
}

int main(void) {
    static void *volatile keep[100];
    for (int i = 0; i < 100; i++) keep[i] = leak_here();
    churn(1000);
    return 0;
}
