/* argv[1] malloc/free pairs as fast as the allocator goes: more events than a 4 KB pipe can carry. */
#include <stdlib.h>

int main(int argc, char **argv) {
    long pairs = argc > 1 ? atol(argv[1]) : 20000000;
    for (long i = 0; i < pairs; i++) {
        void *volatile p = malloc(64);
        free(p);
    }
    return 0;
}
