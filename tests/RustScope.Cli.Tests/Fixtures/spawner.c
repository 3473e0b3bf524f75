/* Ignores SIGINT and SIGTERM, prints "ready", then starts a child every 20 ms (up to 1500) that sleeps for a minute
   with the same signals ignored: a tree that keeps growing while rustscope tries to stop it. */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
    signal(SIGINT, SIG_IGN);
    signal(SIGTERM, SIG_IGN);
    printf("ready\n");
    fflush(stdout);
    for (int c = 0; c < 1500; c++) {
        if (fork() == 0) {
            sleep(60);
            _exit(0);
        }
        usleep(20 * 1000);
    }
    return 0;
}
