/* Prints the CPUs it may run on and DOTNET_TieredPGO, then the same from a child it forks: what --isolate applied. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void report(const char *who) {
    char line[256];
    FILE *status = fopen("/proc/self/status", "r");
    while (fgets(line, sizeof line, status)) {
        if (strncmp(line, "Cpus_allowed_list:", 18) == 0) {
            const char *pgo = getenv("DOTNET_TieredPGO");
            printf("%s cpus=%s pgo=%s\n", who, strtok(line + 18, " \t\n"), pgo ? pgo : "unset");
        }
    }
    fclose(status);
    fflush(stdout);
}

int main(void) {
    report("parent");
    pid_t child = fork();
    if (child == 0) { report("child"); _exit(0); }
    waitpid(child, NULL, 0);
    return 0;
}
