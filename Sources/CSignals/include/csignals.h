#ifndef CSIGNALS_H
#define CSIGNALS_H
// docksim's signal state: one definition in signals.c, declared here.
//
// These used to be function-local statics of `static inline` functions in the CLibEdit
// shim header. Swift emits such a function, with its own copy of the static, into every
// object file whose code calls it. The optimiser inlines Signals.interrupted into its
// callers, so the release binary had two interrupt flags: the handler's, in
// Signals.swift.o, and the one OutputPlayer.swift.o read and nobody wrote; Ctrl-C
// cancelled nothing (docs/RELIABILITY.md). Here everything has external linkage and is
// defined once, in signals.c.

/// Remembers the terminal's state at start-up (no-op when stdin is not a terminal).
void csig_save_terminal(void);

/// Puts the terminal back as it was at start-up.
void csig_restore_terminal(void);

/// SIGINT raises the interrupt flag (no SA_RESTART, so a sleep or read returns early);
/// SIGQUIT is ignored, as an interactive shell ignores it; termination and crash signals
/// restore the terminal first, then take their previous action.
void csig_install_interactive_handlers(void);

/// 1 when Ctrl-C arrived since the last csig_clear_interrupt() (an acquire load).
int csig_interrupted(void);

void csig_clear_interrupt(void);

#endif
