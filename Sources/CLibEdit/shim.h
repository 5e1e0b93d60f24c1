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

// ---- Signals and the saved terminal state -------------------------------------
// Kept in C because a signal handler may only touch sig_atomic_t flags and call
// async-signal-safe functions such as tcsetattr.
#include <string.h>

// The state lives in function-local statics: Swift's importer emits the inline
// functions that use it, but not file-scope variables of a header.
static inline volatile sig_atomic_t *cel_interrupt_flag(void) { static volatile sig_atomic_t flag = 0; return &flag; }
static inline volatile sig_atomic_t *cel_saved_termios_ok(void) { static volatile sig_atomic_t ok = 0; return &ok; }
static inline struct termios *cel_saved_termios(void) { static struct termios saved; return &saved; }
static inline struct sigaction *cel_previous_actions(void) { static struct sigaction actions[65]; return actions; }

static inline void cel_on_interrupt(int sig) { (void)sig; *cel_interrupt_flag() = 1; }

// SIGTERM, SIGHUP and crashes: put the terminal back, then let the previous action
// (the default, or Swift's backtracer) run.
static inline void cel_on_fatal(int sig) {
  if (*cel_saved_termios_ok()) tcsetattr(0, TCSANOW, cel_saved_termios());
  if (sig > 0 && sig < 65) sigaction(sig, &cel_previous_actions()[sig], NULL);
  raise(sig);
}

/// Remembers the terminal's state at start-up (no-op when stdin is not a terminal).
static inline void cel_save_terminal(void) {
  if (tcgetattr(0, cel_saved_termios()) == 0) *cel_saved_termios_ok() = 1;
}

/// Puts the terminal back as it was at start-up.
static inline void cel_restore_terminal(void) {
  if (*cel_saved_termios_ok()) tcsetattr(0, TCSANOW, cel_saved_termios());
}

static inline void cel_install(int sig, void (*handler)(int), int flags) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = handler;
  action.sa_flags = flags;
  sigemptyset(&action.sa_mask);
  sigaction(sig, &action, &cel_previous_actions()[sig]);
}

/// SIGINT only sets a flag (no SA_RESTART, so a sleep or read returns early);
/// termination and crash signals restore the terminal first.
/// The signals are unblocked too: a program started from a thread that blocks them
/// (a test runner's worker, some launchers) would otherwise never see Ctrl-C or SIGTERM.
static inline void cel_install_interactive_handlers(void) {
  sigset_t handled;
  sigemptyset(&handled);
  cel_install(SIGINT, cel_on_interrupt, 0);
  sigaddset(&handled, SIGINT);
  int fatal[] = {SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE};
  for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++) {
    cel_install(fatal[i], cel_on_fatal, SA_RESETHAND);
    sigaddset(&handled, fatal[i]);
  }
  sigprocmask(SIG_UNBLOCK, &handled, NULL);
}

static inline int cel_interrupted(void) { return *cel_interrupt_flag() != 0; }
static inline void cel_clear_interrupt(void) { *cel_interrupt_flag() = 0; }
#endif
