/* Sleeps; with "ignore-sigint" it ignores SIGINT and SIGTERM first. Prints "ready" once set up. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "ignore-sigint") == 0) {
        signal(SIGINT, SIG_IGN);
        signal(SIGTERM, SIG_IGN);
    }
    printf("ready\n");
    fflush(stdout);
    for (int i = 0; i < 600; i++) sleep(1);
    return 0;
}
