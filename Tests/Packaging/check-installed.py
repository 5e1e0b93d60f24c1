#!/usr/bin/env python3
"""The packages scripts/dist makes, installed as a lab machine installs them.

check-installed.py DIST_DIR VERSION: installs DIST_DIR's .deb into a scratch root
(dpkg -x) and unpacks its tarball, then runs each installed docksim with a PATH and
library path that hold no Swift: --version, Ctrl-C during a pull in a pseudo-terminal
($? 130, no image), `docksim lesson --check`, and the environments a lab machine may
give it (no HOME, no XDG_STATE_HOME, a read-only home, TERM unset or dumb, 20 columns):
it runs, says what it cannot do, never crashes. Exits 1 with every failure listed.
"""
import glob
import os
import shutil
import subprocess
import sys
import tempfile

import pexpect

TIMEOUT = 60
failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        failures.append(what)


def plain_environment(home, **extra):
    """No Swift anywhere: an empty PATH folder, no LD_LIBRARY_PATH."""
    empty_bin = os.path.join(scratch, "empty-bin")
    os.makedirs(empty_bin, exist_ok=True)
    environment = {"PATH": empty_bin, "LANG": "C.UTF-8", "TERM": "xterm", "SWIFT_BACKTRACE": "enable=no"}
    if home is not None:
        environment["HOME"] = home
        environment["XDG_STATE_HOME"] = os.path.join(home, "state")
    environment.update(extra)
    return {key: value for key, value in environment.items() if value is not None}


def spawn(binary, environment, arguments=(), columns=80, command=None):
    program, args = (command[0], command[1:]) if command else (binary, list(arguments))
    child = pexpect.spawn(program, args, env=environment, dimensions=(24, columns), timeout=TIMEOUT, encoding="utf-8")
    child.logfile_read = open(os.path.join(scratch, "pty.log"), "a")
    return child


def prompt(child):
    child.expect(r"\$ $")


def last_output(child, command):
    """Types a command at the host prompt; the text it printed before the next prompt."""
    child.send(command + "\r")
    child.expect(r"\r\n\$ $")
    text = child.before.replace("\r\n", "\n")
    return text.split("\n", 1)[1] if "\n" in text else ""


def crashed(text):
    return "Program crashed" in text or "Fatal error" in text or "Backtrace" in text


def check_binary(label, binary):
    ldd = subprocess.run(["ldd", binary], capture_output=True, text=True).stdout
    check("swift" not in ldd.lower(), f"{label}: no Swift library among its shared libraries")
    print("     ldd: " + " ".join(line.split()[0] for line in ldd.splitlines()))

    home = tempfile.mkdtemp(dir=scratch)
    version = subprocess.run([binary, "--version"], env=plain_environment(home), capture_output=True, text=True)
    check(version.returncode == 0 and version.stdout.startswith(f"docksim {expected_version}"),
          f"{label}: --version says {version.stdout.strip()!r}")

    # Ctrl-C during a pull: 130, no image.
    child = spawn(binary, plain_environment(home))
    prompt(child)
    child.send("docker pull python:3.8\r")
    child.expect("Downloading")
    child.send("\x03")
    prompt(child)
    check(last_output(child, "echo $?").strip() == "130", f"{label}: Ctrl-C during a pull gives $? 130")
    check(last_output(child, "docker images -q").strip() == "", f"{label}: the interrupted pull left no image")
    child.send("\x04")
    child.expect(pexpect.EOF)
    child.close()
    check(child.exitstatus == 0, f"{label}: Ctrl-D leaves with 0")

    check_lessons(label, binary, home)
    check_environments(label, binary)


def check_lessons(label, binary, home):
    result = subprocess.run([binary, "lesson", "--check"], env=plain_environment(home), capture_output=True, text=True,
                            timeout=600)
    check(result.returncode == 0, f"{label}: docksim lesson --check passes ({result.stdout.strip().splitlines()[-1:]})")


def run_repl(binary, environment, commands, columns=80, command=None):
    """Starts the REPL, runs commands, leaves with Ctrl-D: (everything shown, exit status)."""
    child = spawn(binary, environment, columns=columns, command=command)
    try:
        child.expect(r"\$ ")
        for line in commands:
            child.send(line + "\r")
            child.expect(r"\n(\$|root@[0-9a-f]+:/#) ")
        child.send("\x04")
        child.expect(pexpect.EOF)
    except (pexpect.TIMEOUT, pexpect.EOF):
        pass
    with open(os.path.join(scratch, "pty.log")) as log:
        shown = log.read()[-20000:]
    child.close()
    return shown, child.exitstatus


def check_environments(label, binary):
    commands = ["echo works", "docker pull hello-world", "docker images"]
    # No HOME and no XDG_STATE_HOME: no history, and a line saying so.
    open(os.path.join(scratch, "pty.log"), "w").close()
    shown, status = run_repl(binary, plain_environment(None), commands)
    check(status == 0 and not crashed(shown) and "works" in shown, f"{label}: runs without HOME or XDG_STATE_HOME")
    check("history" in shown and "docksim:" in shown, f"{label}: says it keeps no history without HOME")

    # A read-only home (a read-only bind mount, in a mount namespace of its own).
    home = tempfile.mkdtemp(dir=scratch)
    open(os.path.join(scratch, "pty.log"), "w").close()
    mount = f"mount --bind {home} {home} && mount -o remount,bind,ro {home} && exec {binary}"
    environment = plain_environment(home, XDG_STATE_HOME=None, PATH="/usr/bin:/bin")
    shown, status = run_repl(binary, environment, commands, command=["unshare", "-m", "sh", "-c", mount])
    check(status == 0 and not crashed(shown) and "works" in shown, f"{label}: runs with a read-only home")
    check("docksim: cannot" in shown and "Read-only file system" in shown,
          f"{label}: says it cannot write the history in a read-only home")

    for term in (None, "dumb"):
        home = tempfile.mkdtemp(dir=scratch)
        open(os.path.join(scratch, "pty.log"), "w").close()
        shown, status = run_repl(binary, plain_environment(home, TERM=term), commands)
        check(status == 0 and not crashed(shown) and "Downloaded newer image" in shown,
              f"{label}: runs with TERM {'unset' if term is None else term}")

    home = tempfile.mkdtemp(dir=scratch)
    open(os.path.join(scratch, "pty.log"), "w").close()
    shown, status = run_repl(binary, plain_environment(home), commands + ["docker run -it ubuntu bash", "ls /", "exit"],
                             columns=20)
    check(status == 0 and not crashed(shown) and "Downloaded newer image" in shown and "bin" in shown,
          f"{label}: runs in a 20-column terminal, a container's shell too")


def install_deb(deb):
    root = os.path.join(scratch, "deb-root")
    subprocess.run(["dpkg", "-x", deb, root], check=True)
    for path in ["usr/bin/docksim", "usr/share/man/man1/docksim.1.gz",
                 "usr/share/bash-completion/completions/docksim", "usr/share/zsh/vendor-completions/_docksim",
                 "usr/share/fish/vendor_completions.d/docksim.fish"]:
        check(os.path.exists(os.path.join(root, path)), f".deb installs /{path}")
    depends = subprocess.run(["dpkg-deb", "-f", deb, "Depends"], capture_output=True, text=True).stdout.strip()
    print("     Depends: " + depends)
    check(depends.startswith("libc6") or "libc6 " in depends, ".deb depends on libc6")
    check("swift" not in depends and "libedit" not in depends and "zlib" not in depends,
          ".deb needs neither Swift nor libedit nor zlib")
    man = subprocess.run(["man", "--warnings", "-l", os.path.join(root, "usr/share/man/man1/docksim.1.gz")],
                         capture_output=True, text=True, env={"MANWIDTH": "80", "PATH": "/usr/bin:/bin"})
    check(man.returncode == 0 and "docksim" in man.stdout and man.stderr.strip() == "",
          f"man -l renders the man page cleanly {man.stderr.strip()!r}")
    return os.path.join(root, "usr/bin/docksim")


def unpack_tarball(tarball):
    root = os.path.join(scratch, "tar-root")
    os.makedirs(root)
    subprocess.run(["tar", "-xzf", tarball, "-C", root], check=True)
    binaries = glob.glob(os.path.join(root, "*", "bin", "docksim"))
    check(len(binaries) == 1, "the tarball holds one bin/docksim")
    return binaries[0]


def main():
    global scratch, expected_version
    dist, expected_version = sys.argv[1], sys.argv[2]
    scratch = tempfile.mkdtemp(prefix="docksim-packaging-")
    try:
        debs = glob.glob(os.path.join(dist, f"docksim_{expected_version}_*.deb"))
        tarballs = glob.glob(os.path.join(dist, f"docksim-{expected_version}-linux-*.tar.gz"))
        check(len(debs) == 1 and len(tarballs) == 1, f"{dist} has one .deb and one tarball")
        if debs:
            check_binary("deb", install_deb(debs[0]))
        if tarballs:
            check_binary("tarball", unpack_tarball(tarballs[0]))
    finally:
        subprocess.run(["chmod", "-R", "u+w", scratch])
        shutil.rmtree(scratch, ignore_errors=True)
    if failures:
        print(f"{len(failures)} failed:\n  " + "\n  ".join(failures))
        sys.exit(1)
    print("packaging: all passed")


if __name__ == "__main__":
    main()
