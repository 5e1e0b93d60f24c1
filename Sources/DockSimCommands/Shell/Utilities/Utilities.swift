import DockSimCore

/// The coreutils-style programs every place has.
enum Utilities {
  static let all: [String: any Program] = [
    "cat": Cat(),
    "ls": Ls(),
    "touch": Touch(),
    "mkdir": Mkdir(),
    "rmdir": Rmdir(),
    "rm": Rm(),
    "cp": Cp(),
    "mv": Mv(),
    "ln": Ln(),
    "chmod": Chmod(),
    "chown": Chown(),
    "cut": Cut(),
    "head": Head(),
    "tail": Tail(),
    "wc": Wc(),
    "grep": Grep(),
    "sort": Sort(),
    "uniq": Uniq(),
    "tee": Tee(),
    "tr": Tr(),
  ]
}
