/* Leaks exactly 100 blocks of 1234 bytes from leak_here and frees everything else it allocates. */
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) void *leak_here(void) {
    void *p = malloc(1234);
    memset(p, 1, 1234);
    return p;
}

__attribute__((noinline)) void churn(int n) {
    for (int i = 0; i < n; i++) {
        char *a = malloc(100 + i % 50);
        char *b = calloc(4, 32);
        a = realloc(a, 4000);
        void *c = NULL;
        if (posix_memalign(&c, 64, 256) != 0) abort();
        void *d = aligned_alloc(128, 512);
        free(a);
        free(b);
        free(c);
        free(d);
    }
}

int main(void) {
    static void *volatile keep[100];
    for (int i = 0; i < 100; i++) keep[i] = leak_here();
    churn(10000);
    return 0;
}
