#ifndef AWXREPORT_CMALLOC_SHIM_H
#define AWXREPORT_CMALLOC_SHIM_H
// glibc's malloc extensions (malloc_trim), which the Glibc module does not export.
#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#endif
#endif
