/* Burns one core for the number of seconds given (default 2), then reports the CPU it really got. */
#include <stdlib.h>
#include "clocks.h"

int main(int argc, char **argv) {
    double seconds = argc > 1 ? atof(argv[1]) : 2;
    double start = now();
    burn_until(start + seconds);
    report_used(own_cpu(), now() - start);
    return 0;
}
