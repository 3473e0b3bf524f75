/* Touches a block of the given MB (default 50) and holds it for the given ms (default 50), then exits at once:
   shorter than most sampling intervals once the process start is counted, so only exact accounting sees the peak. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
    size_t bytes = (size_t)(argc > 1 ? atof(argv[1]) : 50) * 1000 * 1000;
    int hold_ms = argc > 2 ? atoi(argv[2]) : 50;
    char *block = malloc(bytes);
    memset(block, 1, bytes);
    usleep(hold_ms * 1000);
    return block[bytes - 1] == 1 ? 0 : 1;
}
