# The release build users get, in one place: scripts/run, scripts/test and scripts/dist
# all build it this way, so the tests run the binary that ships.
#
# --static-swift-stdlib links the Swift runtime and Foundation in. libedit and zlib (and
# what libedit needs: ncurses' libtinfo, libbsd, libmd) are linked from their static
# archives: SwiftPM takes their link flags from pkg-config, whose Debian .pc files put
# -L/usr/lib/<multiarch> (where the .so files are) first, so the build reads .pc files of
# our own whose -L is a folder holding only the .a files (same Cflags: nothing recompiles).
# What stays shared is glibc's (libc, libm, ld-linux) and libstdc++/libgcc_s, which Debian
# and Ubuntu always have.

release_packages=(libedit-dev zlib1g-dev libncurses-dev libbsd-dev libmd-dev pkg-config)

# release_build [SWIFT BUILD ARGUMENTS...]: builds docksim for release; prints its path.
release_build() {
  local multiarch static
  multiarch="$(gcc -print-multiarch 2>/dev/null || echo "$(uname -m)-linux-gnu")"
  static="$(pwd)/.build/static-libs"
  mkdir -p "$static"
  local lib
  for lib in edit z tinfo bsd md; do
    if [ ! -e "/usr/lib/$multiarch/lib$lib.a" ]; then
      echo "docksim: /usr/lib/$multiarch/lib$lib.a is missing (install ${release_packages[*]})" >&2
      return 1
    fi
    ln -sf "/usr/lib/$multiarch/lib$lib.a" "$static/lib$lib.a"
  done
  mkdir -p "$static/pkgconfig"
  sed -e "s|^Libs:.*|Libs: -L$static -ledit -ltinfo -lbsd -lmd|" -e '/^Libs.private/d' \
    "/usr/lib/$multiarch/pkgconfig/libedit.pc" > "$static/pkgconfig/libedit.pc"
  sed -e "s|^Libs:.*|Libs: -L$static -lz|" "/usr/lib/$multiarch/pkgconfig/zlib.pc" > "$static/pkgconfig/zlib.pc"
  PKG_CONFIG_PATH="$static/pkgconfig" swift build -c release --product docksim --static-swift-stdlib "$@" >&2
  echo "$(swift build -c release --show-bin-path)/docksim"
}
