/* Closes every descriptor at start (the shim's pipe too), checks that the next open still gets 0, leaks 7 x 300 bytes,
 * then dup2s over every descriptor up to 1023 (the shim's reopened pipe among them) and leaks 5 x 500 bytes. */
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

__attribute__((noinline)) void *after_close(void) { void *p = malloc(300); memset(p, 3, 300); return p; }
__attribute__((noinline)) void *after_dup2(void) { void *p = malloc(500); memset(p, 5, 500); return p; }

int main(void) {
    static void *volatile keep[12];
    for (int fd = 0; fd < 1024; fd++) close(fd);
    if (open("/dev/null", O_RDWR) != 0) return 3;
    for (int i = 0; i < 7; i++) keep[i] = after_close();
    for (int fd = 1; fd < 1024; fd++) dup2(0, fd);
    for (int i = 0; i < 5; i++) keep[7 + i] = after_dup2();
    return 0;
}
