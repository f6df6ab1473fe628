#ifndef AWXREPORT_CSHA256_H
#define AWXREPORT_CSHA256_H
// SHA-256 block compression with the x86 SHA extensions (SHA-NI), for AWXReportAPI's SHA256.
// The Swift side keeps the portable implementation and the padding; this only runs whole
// 64-byte blocks when the CPU has the instructions.
#include <stddef.h>
#include <stdint.h>

/// 1 when this CPU has the SHA extensions (and SSSE3/SSE4.1), else 0.
int awx_sha256_has_shani(void);

/// Compresses `blocks` 64-byte blocks at `data` into `state` (a, b, …, h). Call only when
/// awx_sha256_has_shani() returned 1.
void awx_sha256_blocks_shani(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
