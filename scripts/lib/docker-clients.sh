# ensure_docker_clients: the real clients the daemon's tests drive (Tests/DockSimDaemonTests).
# docker 28.2.2 is /usr/local/bin/docker on this project's machines; 20.10 is Debian's docker.io,
# unpacked (not installed: its daemon and services stay out) into /tmp/docker2010.
ensure_docker_clients() {
  if [ ! -x /tmp/docker2010/usr/bin/docker ]; then
    local dir
    dir=$(mktemp -d)
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    (cd "$dir" && { apt-get download docker.io >/dev/null 2>&1 ||
      { $sudo apt-get update -qq && apt-get download docker.io >/dev/null 2>&1; }; } &&
      dpkg -x docker.io_*.deb /tmp/docker2010) ||
      echo "ci: Debian's docker.io (the 20.10 CLI) could not be downloaded" >&2
    rm -rf "$dir"
  fi
  [ -x /usr/local/bin/docker ] || echo "ci: /usr/local/bin/docker (the 28.2.2 CLI) is missing" >&2
  # docker-py, from PyPI for the python3 on PATH.
  python3 -c 'import docker' 2>/dev/null || python3 -m pip install -q docker ||
    echo "ci: Python's docker package could not be installed" >&2
}
