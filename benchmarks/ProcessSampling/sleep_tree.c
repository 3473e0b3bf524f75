/* A sleeping process tree: the root plus N-1 children, all asleep for S seconds. */
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    int processes = argc > 1 ? atoi(argv[1]) : 1;
    int seconds = argc > 2 ? atoi(argv[2]) : 10;
    for (int i = 1; i < processes; i++) {
        if (fork() == 0) {
            sleep(seconds);
            _exit(0);
        }
    }
    sleep(seconds);
    while (wait(NULL) > 0) {
    }
    return 0;
}
