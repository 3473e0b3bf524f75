/* The anchor: the least a /proc sampler can do at a given rate, in C. Each tick re-reads the open /proc/PID/stat of
 * the tree's root and its children and sleeps until the next tick, nothing else. Its CPU use is the wake-up and read
 * cost of this machine, against which rustscope's own is put in the same run. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: minimal_sampler HZ SECONDS ROOT_PID\n");
        return 2;
    }
    int hz = atoi(argv[1]), seconds = atoi(argv[2]);
    char path[64];
    int fds[1024], count = 0;
    snprintf(path, sizeof path, "/proc/%s/stat", argv[3]);
    fds[count++] = open(path, O_RDONLY);
    snprintf(path, sizeof path, "/proc/%s/task/%s/children", argv[3], argv[3]);
    FILE *children = fopen(path, "r");
    int child;
    while (children && count < 1024 && fscanf(children, "%d", &child) == 1) {
        snprintf(path, sizeof path, "/proc/%d/stat", child);
        fds[count++] = open(path, O_RDONLY);
    }
    if (children) fclose(children);

    char buffer[1024];
    struct timespec next;
    clock_gettime(CLOCK_MONOTONIC, &next);
    long period_ns = 1000000000L / hz;
    for (long tick = 0; tick < (long)hz * seconds; tick++) {
        for (int i = 0; i < count; i++) {
            if (pread(fds[i], buffer, sizeof buffer, 0) < 0) return 1;
        }
        next.tv_nsec += period_ns;
        if (next.tv_nsec >= 1000000000L) {
            next.tv_sec++;
            next.tv_nsec -= 1000000000L;
        }
        clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, NULL);
    }
    return 0;
}
