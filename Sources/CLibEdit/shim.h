#ifndef CLIBEDIT_SHIM_H
#define CLIBEDIT_SHIM_H
// Swift cannot call C variadic functions (el_set, el_get, history), so each call
// docksim needs is a non-variadic static inline wrapper here.
#include <stddef.h>
#include <stdio.h>
#include <locale.h>
#include <langinfo.h>
#include <unistd.h>
#include <signal.h>
#include <termios.h>
#include <sys/ioctl.h>
#include <pty.h>
#include <histedit.h>

typedef unsigned char (*cel_fn_t)(EditLine *, int);
typedef char *(*cel_prompt_fn_t)(EditLine *);

// Glibc's stdin/stdout/stderr are mutable globals, which Swift 6 rejects.
static inline FILE *cel_stdin(void) { return stdin; }
static inline FILE *cel_stdout(void) { return stdout; }
static inline FILE *cel_stderr(void) { return stderr; }

static inline int cel_set_prompt_esc(EditLine *el, cel_prompt_fn_t f, char esc) { return el_set(el, EL_PROMPT_ESC, f, esc); }
static inline int cel_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int cel_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int cel_set_clientdata(EditLine *el, void *d) { return el_set(el, EL_CLIENTDATA, d); }
static inline void *cel_get_clientdata(EditLine *el) { void *d = NULL; el_get(el, EL_CLIENTDATA, &d); return d; }
static inline int cel_add_fn(EditLine *el, const char *name, const char *help, cel_fn_t f) { return el_set(el, EL_ADDFN, name, help, f); }
static inline int cel_bind(EditLine *el, const char *key, const char *fname) { return el_set(el, EL_BIND, key, fname, (const char *)NULL); }
static inline int cel_setty(EditLine *el, const char *a, const char *b) { return el_set(el, EL_SETTY, a, b, (const char *)NULL); }
static inline int cel_set_hist(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }

static inline int cel_hist_setsize(History *h, HistEvent *ev, int n) { return history(h, ev, H_SETSIZE, n); }
static inline int cel_hist_enter(History *h, HistEvent *ev, const char *s) { return history(h, ev, H_ENTER, s); }

// The terminal's size (0 when unknown): ioctl is variadic too.
static inline int cel_window_columns(int fd) {
  struct winsize ws;
  if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return 0;
  return ws.ws_col;
}

// Runs `path` in a new session whose controlling terminal is a fresh pseudo-terminal
// of rows x cols; returns the child's pid (-1 on failure) and the master side in *master.
// Only async-signal-safe calls happen between fork and exec. Used by the pty tests.
static inline pid_t cel_spawn_in_pty(int *master, const char *path, char *const argv[], char *const envp[],
                                     unsigned short rows, unsigned short cols) {
  struct winsize ws = {rows, cols, 0, 0};
  pid_t pid = forkpty(master, NULL, NULL, &ws);
  if (pid == 0) {
    // The child inherits the calling thread's signal mask; test runners' worker threads
    // block most signals, and a terminal program starts with none blocked.
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    execve(path, argv, envp);
    _exit(127);
  }
  return pid;
}

// The signal state and handlers live in the CSignals target (one definition of each).
#endif
