/* Grows resident memory by 10 MB every 100 ms up to 80 MB, holds it, then exits. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(void) {
    for (int i = 0; i < 8; i++) {
        char *block = malloc(10 * 1000 * 1000);
        memset(block, i + 1, 10 * 1000 * 1000);
        usleep(100 * 1000);
    }
    usleep(500 * 1000);
    return 0;
}
