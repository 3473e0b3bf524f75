/* The byte stream librustscope_alloc.so writes into RUSTSCOPE_ALLOC_PIPE, read by
 * src/Collectors/Native/ShimStreamDecoder.cs. Little-endian.
 *
 * Every write(2) is one chunk of at most CHUNK_BYTES (<= PIPE_BUF): the kernel writes it whole or not at all, so
 * chunks of different processes and threads never interleave mid-record. A chunk is a header then whole records.
 *
 * Records are compact, since a malloc storm makes tens of millions of them: a record starts with a varint (LEB128)
 * tag, `payload << 3 | kind`; addresses are zigzag varints of their difference from the chunk's previous address
 * (0 at the start of each chunk, so a chunk decodes alone); a call stack is sent once per thread as RS_STACK with an
 * id unique in the process image, and allocations name that id. A malloc/free pair of the same stack and address is
 * about 4 bytes.
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

/* Record kinds: the low 3 bits of a record's tag. */
enum rs_record {
    RS_ALLOC = 1,    /* payload = stack id; then varint size, zigzag varint address delta */
    RS_FREE = 2,     /* payload = zigzag address delta */
    RS_START = 3,    /* payload = ppid: a new image of this pid (process start, fork child or exec) */
    RS_MAPS = 4,     /* payload = byte count; then those bytes of /proc/self/maps */
    RS_MAPS_END = 5, /* the maps text just sent is complete */
    RS_STACK = 6     /* payload = stack id; then varint depth, depth varint caller addresses (innermost first) */
};

#endif
