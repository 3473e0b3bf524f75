/* Starts a child that outlives it (holding the same stdout, like a build server), prints "daemon PID" and exits. */
#include <stdio.h>
#include <unistd.h>

int main(void) {
    pid_t daemon = fork();
    if (daemon == 0) {
        sleep(600);
        _exit(0);
    }
    printf("daemon %d\n", daemon);
    fflush(stdout);
    return 0;
}
