/* The native library of the .NET fixture NativeAllocTarget: count blocks of size bytes, kept (never freed). */
#include <stdlib.h>
#include <string.h>

static void *kept[1 << 16];

__attribute__((noinline)) int native_keep(int count, int size) {
    for (int i = 0; i < count && i < (1 << 16); i++) {
        kept[i] = malloc((size_t)size);
        memset(kept[i], 7, (size_t)size);
    }
    return count;
}
