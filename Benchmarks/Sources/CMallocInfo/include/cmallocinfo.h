#include <stddef.h>
/// Bytes currently allocated through malloc (glibc mallinfo2: in-use arena + mmapped chunks).
size_t docksim_heap_in_use(void);
