/* librustscope_alloc.so: LD_PRELOAD interposer of the C allocator for `rustscope run --track-alloc`.
 *
 * The hot path takes no lock: each thread appends compact records (protocol.h: varints, address deltas, call stacks
 * sent once and then named by id) to its own buffer and writes the buffer to the pipe as one non-blocking write of at
 * most PIPE_BUF bytes; a full pipe drops the chunk and counts it (the count rides in every chunk header). Nothing is symbolised here: the CLI does that from the maps text sent at
 * start and at exit.
 *
 * Environment: RUSTSCOPE_ALLOC_PIPE (the FIFO; no tracking without it), RUSTSCOPE_ALLOC_DEPTH (caller frames, 1-32,
 * default 8), RUSTSCOPE_ALLOC_ROOT=1 (track only the process that first loads the shim: forked children and the
 * programs they exec stop tracking).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "protocol.h"

#define EXPORT __attribute__((visibility("default")))
#define TLS __thread __attribute__((tls_model("initial-exec")))
#define MAX_DEPTH 32
/* Varints are at most 10 bytes: an allocation is 3 of them, a stack definition 2 and its frames. */
#define MAX_ALLOC_BYTES 30
#define MAX_STACK_BYTES (20 + MAX_DEPTH * 10)
/* Call stacks this thread has sent, by hash (direct-mapped; a power of two). */
#define STACK_CACHE 256
#define HEADER_BYTES ((uint32_t)sizeof(struct rs_chunk_header))
/* Above the descriptors a program expects to get back after closing everything (0, 1, 2, ...). */
#define HIGH_FD 900
#define FINAL_WAIT_MS 2000

extern void *__libc_stack_end;

/* A call stack the CLI knows by `id` from this thread's stream, while `mark` is the thread's epoch + 1. */
struct known_stack {
    uint64_t hash;
    uint32_t id;
    uint32_t mark;
};

struct thread_buffer {
    uint32_t length;      /* record bytes after the header */
    uint32_t records;     /* allocation and free events in the buffer */
    int guard;            /* inside the shim: allocations pass straight through (recursion, signal handlers) */
    int registered;       /* the exit-flush key is set for this thread */
    uint64_t tick;        /* the coarse clock when the first record was added */
    uintptr_t stack_top;  /* the highest address of this thread's stack, for the frame walk */
    uintptr_t stack_low;  /* its lowest: a frame outside [stack_low, stack_top) is on an alternate signal stack */
    uint64_t previous;    /* the chunk's last address: the next one is sent as the difference */
    uint32_t epoch;       /* a dropped chunk may have carried stack definitions: a new epoch forgets them all */
    struct known_stack stacks[STACK_CACHE];
    _Alignas(8) unsigned char bytes[RS_CHUNK_BYTES];
};

static TLS struct thread_buffer tls;

/* A signal handler that allocates can interrupt the shim anywhere: the guard must be set before the first touch of the
 * thread's buffer and cleared after the last, as the compiler might otherwise move the stores across them. */
static void enter_guard(void) {
    tls.guard = 1;
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
}

static void leave_guard(void) {
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
    tls.guard = 0;
}
#define CALLER __builtin_return_address(0), __builtin_frame_address(0)

static void *(*real_malloc)(size_t);
static void (*real_free)(void *);
static void *(*real_calloc)(size_t, size_t);
static void *(*real_realloc)(void *, size_t);
static int (*real_posix_memalign)(void **, size_t, size_t);
static void *(*real_aligned_alloc)(size_t, size_t);
static void *(*real_memalign)(size_t, size_t);
static void *(*real_valloc)(size_t);

static volatile int resolving;
static volatile int tracking;
static volatile int exiting;
static int root_only;
static int depth = 8;
static int pipe_fd = -1;
static dev_t pipe_dev;
static ino_t pipe_ino;
static char pipe_path[512];
static uint32_t cached_pid;
static pthread_key_t exit_key;
static uint64_t dropped; /* atomic builtins only */
static uint32_t last_stack_id; /* atomic builtins only: stack ids are unique in the image, whichever thread sends them */

/* dlsym allocates (its error buffer) before the real allocator is known: those few blocks come from here. */
static _Alignas(64) unsigned char arena[65536];
static size_t arena_used;

static int in_arena(const void *p) {
    return (const unsigned char *)p >= arena && (const unsigned char *)p < arena + sizeof arena;
}

static void *arena_alloc(size_t size, size_t alignment) {
    if (alignment < 16) alignment = 16;
    size_t start = (__atomic_load_n(&arena_used, __ATOMIC_RELAXED) + 16 + alignment - 1) & ~(alignment - 1);
    size_t end = start + size;
    if (end > sizeof arena) return NULL;
    __atomic_store_n(&arena_used, end, __ATOMIC_RELAXED);
    ((size_t *)(arena + start))[-1] = size; /* read back by realloc */
    return arena + start;
}

static void resolve(void) {
    if (resolving) return;
    resolving = 1;
    real_malloc = dlsym(RTLD_NEXT, "malloc");
    real_free = dlsym(RTLD_NEXT, "free");
    real_calloc = dlsym(RTLD_NEXT, "calloc");
    real_realloc = dlsym(RTLD_NEXT, "realloc");
    real_posix_memalign = dlsym(RTLD_NEXT, "posix_memalign");
    real_aligned_alloc = dlsym(RTLD_NEXT, "aligned_alloc");
    real_memalign = dlsym(RTLD_NEXT, "memalign");
    real_valloc = dlsym(RTLD_NEXT, "valloc");
    resolving = 0;
}

static uint64_t coarse_ns(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC_COARSE, &now);
    return (uint64_t)now.tv_sec * 1000000000u + (uint64_t)now.tv_nsec;
}

static int move_high(int fd) {
    int high = fcntl(fd, F_DUPFD_CLOEXEC, HIGH_FD);
    if (high < 0) return fd;
    close(fd);
    return high;
}

static int open_pipe(void) {
    int fd = open(pipe_path, O_WRONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return -1;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISFIFO(st.st_mode)) {
        close(fd);
        return -1;
    }
    pipe_dev = st.st_dev;
    pipe_ino = st.st_ino;
    pipe_fd = move_high(fd);
    return 0;
}

/* The program may have closed every descriptor or dup2'd over ours: the FIFO is then opened again by its path. The
 * old number is left alone, since it now belongs to the program. */
static int pipe_ready(void) {
    struct stat st;
    if (pipe_fd >= 0 && fstat(pipe_fd, &st) == 0 && st.st_ino == pipe_ino && st.st_dev == pipe_dev) return 1;
    return open_pipe() == 0;
}

/* One write(2) of a whole chunk. SIGPIPE (no reader left) is blocked around it and consumed, so the target never
 * dies of RustScope going away. With wait_ms, a full pipe is waited for (only at exit and for the maps). */
static int write_chunk(const void *chunk, size_t bytes, int wait_ms) {
    if (!pipe_ready()) return 0;
    sigset_t pipe_signal, previous;
    sigemptyset(&pipe_signal);
    sigaddset(&pipe_signal, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_signal, &previous);
    int written = 0;
    for (;;) {
        ssize_t n = write(pipe_fd, chunk, bytes);
        if (n == (ssize_t)bytes) {
            written = 1;
            break;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && errno == EAGAIN && wait_ms > 0) {
            struct pollfd p = {.fd = pipe_fd, .events = POLLOUT};
            if (poll(&p, 1, wait_ms) > 0 && (p.revents & POLLOUT)) continue;
        }
        if (n < 0 && errno == EPIPE) {
            struct timespec zero = {0, 0};
            sigtimedwait(&pipe_signal, NULL, &zero);
        }
        break;
    }
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    return written;
}

static void flush(struct thread_buffer *t, int wait_ms) {
    if (t->length == 0) return;
    if (!write_chunk(t->bytes, HEADER_BYTES + t->length, wait_ms)) {
        __atomic_add_fetch(&dropped, t->records, __ATOMIC_RELAXED);
        t->epoch++;
    }
    t->length = 0;
    t->records = 0;
}

static void thread_exit(void *value) {
    struct thread_buffer *t = value;
    t->guard = 1;
    flush(t, 0);
    t->guard = 0;
}

/* Room for a record of up to `bytes` bytes at the end of the thread's buffer. The buffer is written first when the
 * record might not fit, and when the coarse clock has ticked since its first record (looked at every 16 records: the
 * clock is a fair share of the hot path), so an idle thread's events reach the CLI within a tick or so of being made. */
static unsigned char *reserve(struct thread_buffer *t, uint32_t bytes) {
    if (t->length > 0 && (HEADER_BYTES + t->length + bytes > RS_CHUNK_BYTES || ((t->records & 15) == 0 && coarse_ns() != t->tick)))
        flush(t, 0);
    if (t->length == 0) {
        if (!t->registered) {
            t->registered = 1;
            pthread_setspecific(exit_key, t);
        }
        struct rs_chunk_header *h = (struct rs_chunk_header *)t->bytes;
        h->pid = cached_pid;
        h->monotonic_ns = t->tick = coarse_ns();
        t->previous = 0;
    }
    return t->bytes + HEADER_BYTES + t->length;
}

/* Adds the records written from reserve()'s pointer up to `end`; `events` of them are allocations or frees. */
static void commit(struct thread_buffer *t, unsigned char *end, uint32_t events) {
    struct rs_chunk_header *h = (struct rs_chunk_header *)t->bytes;
    t->length = (uint32_t)(end - (t->bytes + HEADER_BYTES));
    t->records += events;
    h->length = t->length;
    h->dropped = __atomic_load_n(&dropped, __ATOMIC_RELAXED);
    if (exiting) flush(t, FINAL_WAIT_MS);
}

static unsigned char *put_varint(unsigned char *at, uint64_t value) {
    while (value >= 0x80) {
        *at++ = (unsigned char)(value | 0x80);
        value >>= 7;
    }
    *at++ = (unsigned char)value;
    return at;
}

/* The zigzag-coded difference from the chunk's previous address (small either way), which becomes the previous one.
 * User-space addresses fit in 56 bits, so the value still fits a tag's 61 payload bits. */
static uint64_t address_delta(struct thread_buffer *t, uintptr_t address) {
    uint64_t delta = (uint64_t)address - t->previous;
    t->previous = (uint64_t)address;
    return (delta << 1) ^ (uint64_t)((int64_t)delta >> 63);
}

static uint64_t stack_hash(const uintptr_t *frames, uint32_t n) {
    uint64_t hash = 0x9e3779b97f4a7c15ull ^ n;
    for (uint32_t i = 0; i < n; i++) {
        hash = (hash ^ frames[i]) * 0xff51afd7ed558ccdull;
        hash ^= hash >> 32;
    }
    return hash;
}

static uintptr_t stack_top(struct thread_buffer *t) {
    if (t->stack_top) return t->stack_top;
    if (gettid() == getpid()) {
        /* The main thread's stack grows on demand down to its rlimit. */
        struct rlimit limit;
        rlim_t most = getrlimit(RLIMIT_STACK, &limit) == 0 && limit.rlim_cur < (1ul << 30) ? limit.rlim_cur : (1ul << 30);
        t->stack_top = (uintptr_t)__libc_stack_end;
        t->stack_low = t->stack_top - most;
    } else {
        pthread_attr_t attr;
        void *low;
        size_t size;
        if (pthread_getattr_np(pthread_self(), &attr) == 0) {
            if (pthread_attr_getstack(&attr, &low, &size) == 0) {
                t->stack_top = (uintptr_t)low + size;
                t->stack_low = (uintptr_t)low;
            }
            pthread_attr_destroy(&attr);
        }
    }
    return t->stack_top;
}

/* The caller's return address, then a frame-pointer walk that follows a saved frame pointer only while it climbs
 * within this thread's stack (code built without frame pointers ends the walk early, it never faults). */
static uint32_t walk(struct thread_buffer *t, uintptr_t *frames, void *ret, void *frame) {
    uint32_t n = 0;
    frames[n++] = (uintptr_t)ret;
    uintptr_t low = (uintptr_t)&t, top = stack_top(t);
    /* In a handler on an alternate signal stack (sigaltstack) the span up to the thread's stack top can cross unmapped
     * memory: the return address alone then. */
    if (low < t->stack_low || low >= top) top = 0;
    uintptr_t fp = (uintptr_t)frame;
    while (n < (uint32_t)depth && top) {
        uintptr_t next = ((uintptr_t *)fp)[0];
        if (next <= fp || next >= top - 16 || next < low || (next & 7)) break;
        uintptr_t address = ((uintptr_t *)next)[1];
        if (address < 4096) break;
        frames[n++] = address;
        fp = next;
    }
    return n;
}

/* An allocation names its call stack by id; the first time this thread (in this epoch) sees the stack, its definition
 * goes just before, in the same chunk, so the CLI always has it before its first use. */
static void record_alloc(void *ptr, size_t size, void *ret, void *frame) {
    struct thread_buffer *t = &tls;
    uintptr_t frames[MAX_DEPTH];
    uint32_t n = walk(t, frames, ret, frame);
    uint64_t hash = stack_hash(frames, n);
    struct known_stack *known = &t->stacks[(hash >> 24) & (STACK_CACHE - 1)];
    int sent = known->hash == hash && known->mark == t->epoch + 1;
    unsigned char *at = reserve(t, MAX_ALLOC_BYTES + (sent ? 0 : MAX_STACK_BYTES));
    if (sent && known->mark != t->epoch + 1) {
        /* reserve() wrote the buffer and the pipe dropped it: the definition may have gone with it. */
        sent = 0;
        at = reserve(t, MAX_ALLOC_BYTES + MAX_STACK_BYTES);
    }
    if (!sent) {
        *known = (struct known_stack){hash, __atomic_add_fetch(&last_stack_id, 1, __ATOMIC_RELAXED), t->epoch + 1};
        at = put_varint(at, (uint64_t)known->id << 3 | RS_STACK);
        at = put_varint(at, n);
        for (uint32_t i = 0; i < n; i++) at = put_varint(at, frames[i]);
    }
    at = put_varint(at, (uint64_t)known->id << 3 | RS_ALLOC);
    at = put_varint(at, size);
    at = put_varint(at, address_delta(t, (uintptr_t)ptr));
    commit(t, at, 1);
}

static void record_free(void *ptr) {
    struct thread_buffer *t = &tls;
    unsigned char *at = reserve(t, 10);
    at = put_varint(at, address_delta(t, (uintptr_t)ptr) << 3 | RS_FREE);
    commit(t, at, 1);
}

/* /proc/self/maps as this image sees it, for the CLI to map caller addresses to files and symbols. */
static void send_maps(void) {
    _Alignas(8) unsigned char chunk[RS_CHUNK_BYTES], text[RS_CHUNK_BYTES];
    struct rs_chunk_header *h = (struct rs_chunk_header *)chunk;
    int fd = open("/proc/self/maps", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    const uint32_t room = RS_CHUNK_BYTES - HEADER_BYTES - 3; /* the tag of up to 4093 bytes is 3 varint bytes */
    for (;;) {
        ssize_t n = read(fd, text, room);
        if (n <= 0) break;
        unsigned char *at = put_varint(chunk + HEADER_BYTES, (uint64_t)n << 3 | RS_MAPS);
        memcpy(at, text, (size_t)n);
        at += n;
        *h = (struct rs_chunk_header){cached_pid, (uint32_t)(at - chunk) - HEADER_BYTES, coarse_ns(), __atomic_load_n(&dropped, __ATOMIC_RELAXED)};
        write_chunk(chunk, (size_t)(at - chunk), FINAL_WAIT_MS);
    }
    close(fd);
    chunk[HEADER_BYTES] = RS_MAPS_END;
    *h = (struct rs_chunk_header){cached_pid, 1, coarse_ns(), __atomic_load_n(&dropped, __ATOMIC_RELAXED)};
    write_chunk(chunk, HEADER_BYTES + 1, FINAL_WAIT_MS);
}

/* A START opens its chunk: the CLI starts the image's address space there. */
static void announce(void) {
    enter_guard();
    unsigned char *at = reserve(&tls, 10);
    commit(&tls, put_varint(at, (uint64_t)getppid() << 3 | RS_START), 0);
    flush(&tls, FINAL_WAIT_MS);
    send_maps();
    leave_guard();
}

static void before_fork(void) {
    if (!tracking) return;
    tls.guard++;
    flush(&tls, 0);
    tls.guard--;
}

static void in_child(void) {
    if (!tracking) return;
    cached_pid = (uint32_t)getpid();
    tls.length = 0;
    tls.records = 0;
    tls.stack_top = tls.stack_low = 0;
    tls.epoch++; /* the child's stream is a new image to the CLI: no stack of the parent's is known there */
    __atomic_store_n(&dropped, 0, __ATOMIC_RELAXED);
    if (root_only) {
        tracking = 0;
        return;
    }
    announce();
}

__attribute__((constructor)) static void start(void) {
    if (!real_malloc) resolve();
    enter_guard();
    const char *path = getenv("RUSTSCOPE_ALLOC_PIPE");
    const char *frames = getenv("RUSTSCOPE_ALLOC_DEPTH");
    root_only = getenv("RUSTSCOPE_ALLOC_ROOT") != NULL;
    cached_pid = (uint32_t)getpid();
    if (frames) {
        int d = atoi(frames);
        depth = d < 1 ? 1 : d > MAX_DEPTH ? MAX_DEPTH : d;
    }
    int tracked = path && strlen(path) < sizeof pipe_path;
    if (tracked && root_only) {
        /* The first image to load the shim names itself the root; a program its children exec finds another pid. */
        char pid_text[16];
        const char *root = getenv("RUSTSCOPE_ALLOC_ROOT_PID");
        snprintf(pid_text, sizeof pid_text, "%u", cached_pid);
        if (!root) setenv("RUSTSCOPE_ALLOC_ROOT_PID", pid_text, 1);
        else tracked = strcmp(root, pid_text) == 0;
    }
    if (tracked) {
        strcpy(pipe_path, path);
        if (open_pipe() == 0 && pthread_key_create(&exit_key, thread_exit) == 0) {
            pthread_atfork(before_fork, NULL, in_child);
            tracking = 1;
        }
    }
    leave_guard();
    if (tracking) announce();
}

/* Runs after the program's own destructors and atexit handlers (the preloaded library is initialised first). What the
 * main thread still holds is written, waiting for room rather than dropping, then the final maps (with every library
 * dlopen'd since the start); records made after this point are written one by one. */
__attribute__((destructor)) static void finish(void) {
    if (!tracking) return;
    enter_guard();
    exiting = 1;
    flush(&tls, FINAL_WAIT_MS);
    send_maps();
    leave_guard();
}

#define TRACKED (tracking && !tls.guard)

static void track_alloc(void *p, size_t size, void *ret, void *frame) {
    enter_guard();
    record_alloc(p, size, ret, frame);
    leave_guard();
}

static void track_free(void *p) {
    enter_guard();
    record_free(p);
    leave_guard();
}

EXPORT void *malloc(size_t size) {
    if (!real_malloc) {
        resolve();
        if (!real_malloc) return arena_alloc(size, 16);
    }
    void *p = real_malloc(size);
    if (p && TRACKED) track_alloc(p, size, CALLER);
    return p;
}

EXPORT void free(void *p) {
    if (!p || in_arena(p)) return;
    if (TRACKED) track_free(p);
    real_free(p);
}

EXPORT void *calloc(size_t count, size_t size) {
    if (!real_calloc) {
        resolve();
        if (!real_calloc) {
            size_t total;
            return __builtin_mul_overflow(count, size, &total) ? NULL : arena_alloc(total, 16); /* static: zeroed */
        }
    }
    void *p = real_calloc(count, size);
    if (p && TRACKED) track_alloc(p, count * size, CALLER);
    return p;
}

EXPORT void *realloc(void *old, size_t size) {
    if (old && in_arena(old)) {
        void *p = malloc(size);
        size_t had = ((size_t *)old)[-1];
        if (p) memcpy(p, old, had < size ? had : size);
        return p;
    }
    if (!real_realloc) {
        resolve();
        if (!real_realloc) return arena_alloc(size, 16);
    }
    void *p = real_realloc(old, size);
    if (TRACKED && (p || size == 0)) {
        enter_guard();
        if (old) record_free(old);
        if (p) record_alloc(p, size, CALLER);
        leave_guard();
    }
    return p;
}

/* glibc's reallocarray calls realloc through the PLT, which would count it twice: the overflow check, then ours. */
EXPORT void *reallocarray(void *old, size_t count, size_t size) {
    size_t total;
    if (__builtin_mul_overflow(count, size, &total)) {
        errno = ENOMEM;
        return NULL;
    }
    return realloc(old, total);
}

EXPORT int posix_memalign(void **out, size_t alignment, size_t size) {
    if (!real_posix_memalign) {
        resolve();
        if (!real_posix_memalign) return (*out = arena_alloc(size, alignment)) ? 0 : ENOMEM;
    }
    int result = real_posix_memalign(out, alignment, size);
    if (result == 0 && TRACKED) track_alloc(*out, size, CALLER);
    return result;
}

EXPORT void *aligned_alloc(size_t alignment, size_t size) {
    if (!real_aligned_alloc) {
        resolve();
        if (!real_aligned_alloc) return arena_alloc(size, alignment);
    }
    void *p = real_aligned_alloc(alignment, size);
    if (p && TRACKED) track_alloc(p, size, CALLER);
    return p;
}

EXPORT void *memalign(size_t alignment, size_t size) {
    if (!real_memalign) {
        resolve();
        if (!real_memalign) return arena_alloc(size, alignment);
    }
    void *p = real_memalign(alignment, size);
    if (p && TRACKED) track_alloc(p, size, CALLER);
    return p;
}

EXPORT void *valloc(size_t size) {
    if (!real_valloc) {
        resolve();
        if (!real_valloc) return arena_alloc(size, 4096);
    }
    void *p = real_valloc(size);
    if (p && TRACKED) track_alloc(p, size, CALLER);
    return p;
}

/* An exec replaces the image with whatever its threads still buffer: the calling thread's records are written first
 * (waiting for room), so the old image's last allocations are seen. The execl* forms call execve inside glibc, past any
 * interposer: their last tick of records is lost, which changes no leak (the old image's memory goes with it). */
static void flush_before_exec(void) {
    if (!tracking || tls.guard) return;
    enter_guard();
    flush(&tls, FINAL_WAIT_MS);
    leave_guard();
}

#define EXEC_INTERPOSER(name, signature, call)                      \
    EXPORT int name signature {                                      \
        static int(*real) signature;                                 \
        if (!real) real = dlsym(RTLD_NEXT, #name);                   \
        flush_before_exec();                                         \
        return real call;                                            \
    }

EXEC_INTERPOSER(execve, (const char *path, char *const argv[], char *const envp[]), (path, argv, envp))
EXEC_INTERPOSER(execv, (const char *path, char *const argv[]), (path, argv))
EXEC_INTERPOSER(execvp, (const char *file, char *const argv[]), (file, argv))
EXEC_INTERPOSER(execvpe, (const char *file, char *const argv[], char *const envp[]), (file, argv, envp))
