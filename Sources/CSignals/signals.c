#include "csignals.h"

#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

// A lock-free atomic: a signal handler may store to it, and every reader sees the store
// (the compiler may neither cache the load in a register nor move it out of a loop).
_Static_assert(ATOMIC_INT_LOCK_FREE == 2, "the interrupt flag must be lock-free to be set in a signal handler");
static atomic_int interrupt_flag = 0;

static struct termios saved_termios;
static atomic_int saved_termios_ok = 0;
static struct sigaction previous_actions[NSIG];

static void on_interrupt(int sig) {
  (void)sig;
  atomic_store_explicit(&interrupt_flag, 1, memory_order_release);
}

// Bash ignores SIGQUIT at an interactive prompt, and so do dash and busybox ash; docksim
// runs no real program that Ctrl-\ could quit. A handler that does nothing rather than
// SIG_IGN, which a program docksim started would inherit.
static void on_quit(int sig) { (void)sig; }

// SIGTERM, SIGHUP and crashes: put the terminal back, then let the previous action
// (the default, or Swift's backtracer) run. Only async-signal-safe calls.
static void on_fatal(int sig) {
  if (atomic_load_explicit(&saved_termios_ok, memory_order_acquire)) tcsetattr(0, TCSANOW, &saved_termios);
  if (sig > 0 && sig < NSIG) sigaction(sig, &previous_actions[sig], NULL);
  raise(sig);
}

void csig_save_terminal(void) {
  if (tcgetattr(0, &saved_termios) == 0) atomic_store_explicit(&saved_termios_ok, 1, memory_order_release);
}

void csig_restore_terminal(void) {
  if (atomic_load_explicit(&saved_termios_ok, memory_order_acquire)) tcsetattr(0, TCSANOW, &saved_termios);
}

static void install(int sig, void (*handler)(int), int flags) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = handler;
  action.sa_flags = flags;
  sigemptyset(&action.sa_mask);
  sigaction(sig, &action, &previous_actions[sig]);
}

// The signals are unblocked too: a program started from a thread that blocks them
// (a test runner's worker, some launchers) would otherwise never see Ctrl-C or SIGTERM.
void csig_install_interactive_handlers(void) {
  sigset_t handled;
  sigemptyset(&handled);
  install(SIGINT, on_interrupt, 0);
  sigaddset(&handled, SIGINT);
  install(SIGQUIT, on_quit, SA_RESTART);
  sigaddset(&handled, SIGQUIT);
  int fatal[] = {SIGTERM, SIGHUP, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE};
  for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++) {
    install(fatal[i], on_fatal, SA_RESETHAND);
    sigaddset(&handled, fatal[i]);
  }
  sigprocmask(SIG_UNBLOCK, &handled, NULL);
}

int csig_interrupted(void) { return atomic_load_explicit(&interrupt_flag, memory_order_acquire) != 0; }

void csig_clear_interrupt(void) { atomic_store_explicit(&interrupt_flag, 0, memory_order_release); }
