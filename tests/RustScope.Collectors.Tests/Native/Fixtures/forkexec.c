/* The parent leaks 111 bytes and forks; the child leaks 222 bytes, then execs argv[1] (the leak fixture), whose image
 * replaces it: the child's 222 bytes go with the old image, the exec'd program's leak is its own. */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

__attribute__((noinline)) void *parent_leak(void) { void *p = malloc(111); memset(p, 1, 111); return p; }
__attribute__((noinline)) void *child_leak(void) { void *p = malloc(222); memset(p, 2, 222); return p; }

int main(int argc, char **argv) {
    static void *volatile keep[2];
    if (argc < 2) return 2;
    keep[0] = parent_leak();
    pid_t pid = fork();
    if (pid == 0) {
        keep[1] = child_leak();
        execv(argv[1], argv + 1);
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
