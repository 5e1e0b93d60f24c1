#ifndef CZLIB_SHIM_H
#define CZLIB_SHIM_H
#include <zlib.h>

/* inflateInit2 is a macro, which Swift cannot call. 15 + 32: any window size,
   and detect a gzip or zlib header automatically. */
static inline int czlib_inflate_init(z_stream *stream) {
  return inflateInit2(stream, 15 + 32);
}

/* deflateInit2 likewise; 15 + 16 writes a gzip header. */
static inline int czlib_deflate_init_gzip(z_stream *stream, int level) {
  return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}
#endif
