/* The byte stream librustscope_alloc.so writes into RUSTSCOPE_ALLOC_PIPE, read by
 * src/Collectors/Native/ShimStreamDecoder.cs. Little-endian, 8-byte words.
 *
 * Every write(2) is one chunk of at most CHUNK_BYTES (<= PIPE_BUF): the kernel writes it whole or not at all, so
 * chunks of different processes and threads never interleave mid-record. A chunk is a header then whole records.
 */
#ifndef RUSTSCOPE_PROTOCOL_H
#define RUSTSCOPE_PROTOCOL_H

#include <stdint.h>

#define RS_CHUNK_BYTES 4096

struct rs_chunk_header {
    uint32_t pid;          /* the writing process */
    uint32_t length;       /* bytes of records after this header */
    uint64_t monotonic_ns; /* CLOCK_MONOTONIC when the chunk's first record was made */
    uint64_t dropped;      /* records this process has dropped so far (a full pipe), cumulative */
};

/* Record kinds: the low byte of a record's first word. */
enum rs_record {
    RS_ALLOC = 1,   /* word0 = kind | depth << 8 | size << 16; ptr; depth caller addresses (innermost first) */
    RS_FREE = 2,    /* word0 = kind | ptr << 8 (user-space pointers fit in 56 bits) */
    RS_START = 3,   /* word0 = kind | ppid << 32: a new image of this pid (process start, fork child or exec) */
    RS_MAPS = 4,    /* word0 = kind | bytes << 8; then the bytes of /proc/self/maps, padded to 8 */
    RS_MAPS_END = 5 /* word0 = kind: the maps text just sent is complete */
};

#endif
