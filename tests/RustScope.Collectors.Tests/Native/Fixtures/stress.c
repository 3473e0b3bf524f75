/* 8 threads, each growing 100 blocks through realloc chains (16 bytes, then 32 up to 4096) and freeing them. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define THREADS 8
#define CHAINS 100
#define STEPS 8

__attribute__((noinline)) static void *chain(void *unused) {
    (void)unused;
    for (int c = 0; c < CHAINS; c++) {
        char *p = malloc(16);
        p[0] = 1;
        for (int k = 1; k <= STEPS; k++) {
            p = realloc(p, (size_t)16 << k);
            memset(p, k, (size_t)16 << k);
        }
        free(p);
    }
    return NULL;
}

int main(void) {
    pthread_t threads[THREADS];
    for (int i = 0; i < THREADS; i++) pthread_create(&threads[i], NULL, chain, NULL);
    for (int i = 0; i < THREADS; i++) pthread_join(threads[i], NULL);
    return 0;
}
