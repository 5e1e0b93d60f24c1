import DockSimCore

/// What `set` turns on: by long name (`set -o errexit` is `set -e`). The simulator acts
/// on errexit, nounset, xtrace and pipefail; the others are kept and listed only.
struct ShellOptions: Sendable, Hashable {
  private(set) var enabled: Set<String> = []

  func has(_ name: String) -> Bool { enabled.contains(name) }

  mutating func set(_ name: String, _ on: Bool) {
    if on { enabled.insert(name) } else { enabled.remove(name) }
  }

  var errexit: Bool { has("errexit") }
  var nounset: Bool { has("nounset") }
  var xtrace: Bool { has("xtrace") }
  var pipefail: Bool { has("pipefail") }

  /// bash 5.2's `set -o` names, in its order, and the letters that stand for them.
  static let bashNames = [
    "allexport", "braceexpand", "emacs", "errexit", "errtrace", "functrace", "hashall", "histexpand", "history",
    "ignoreeof", "interactive-comments", "keyword", "monitor", "noclobber", "noexec", "noglob", "nolog", "notify",
    "nounset", "onecmd", "physical", "pipefail", "posix", "privileged", "verbose", "vi", "xtrace",
  ]
  static let bashLetters: [Character: String] = [
    "a": "allexport", "B": "braceexpand", "e": "errexit", "E": "errtrace", "T": "functrace", "h": "hashall",
    "H": "histexpand", "k": "keyword", "m": "monitor", "C": "noclobber", "n": "noexec", "f": "noglob",
    "b": "notify", "u": "nounset", "t": "onecmd", "P": "physical", "p": "privileged", "v": "verbose",
    "x": "xtrace",
  ]
  /// dash 0.5.12's, in its order (no pipefail).
  static let dashNames = [
    "errexit", "noglob", "ignoreeof", "interactive", "monitor", "noexec", "stdin", "xtrace", "verbose", "vi",
    "emacs", "noclobber", "allexport", "notify", "nounset", "privileged", "nolog", "debug",
  ]
  /// busybox ash's (1.35), in its order.
  static let ashNames = [
    "errexit", "noglob", "ignoreeof", "monitor", "noexec", "xtrace", "verbose", "noclobber", "allexport", "notify",
    "nounset", "errtrace", "vi", "pipefail",
  ]
  static let dashLetters: [Character: String] = [
    "e": "errexit", "f": "noglob", "I": "ignoreeof", "i": "interactive", "m": "monitor", "n": "noexec",
    "s": "stdin", "x": "xtrace", "v": "verbose", "C": "noclobber", "a": "allexport", "b": "notify",
    "u": "nounset", "p": "privileged",
  ]

  /// What a shell starts with: an interactive bash edits lines and keeps history.
  static func initial(interactive: Bool) -> ShellOptions {
    var options = ShellOptions()
    for name in ["braceexpand", "hashall", "interactive-comments"] { options.set(name, true) }
    if interactive { for name in ["emacs", "histexpand", "history", "monitor"] { options.set(name, true) } }
    return options
  }
}

extension ShellRun {
  /// `set [-+options] [-o name] [--] [word...]`: options, then new positional parameters
  /// when words follow. `set -o` lists the options; `set +o` prints them as commands.
  mutating func setBuiltin(_ argv: [String], session: inout Session, console: inout Console) -> Int32 {
    var words = Array(argv.dropFirst())
    guard !words.isEmpty else { return commandNotFound(argv[0], console: &console) }
    var options = currentOptions(session)
    var index = 0
    while index < words.count {
      let word = words[index]
      guard let sign = word.first, sign == "-" || sign == "+", word != "-", word != "+" else { break }
      index += 1
      if word == "--" { break }
      for letter in word.dropFirst() {
        if letter == "o" {
          guard index < words.count else {
            listOptions(options, asCommands: sign == "+", console: &console)
            continue
          }
          let name = words[index]
          index += 1
          guard optionNames.contains(name) else { return invalidOptionName(name, sign: sign, console: &console) }
          options.set(name, sign == "-")
        } else if let name = (isDash ? ShellOptions.dashLetters : ShellOptions.bashLetters)[letter] {
          options.set(name, sign == "-")
        } else {
          return invalidOption(letter, sign: sign, console: &console)
        }
      }
    }
    session.currentShell.options = options
    words.removeFirst(index)
    // `set -e` alone keeps the parameters; `set --` or any word replaces them.
    if !words.isEmpty || argv.dropFirst().last == "--" { positional = [positional.first ?? "bash"] + words }
    return 0
  }

  var optionNames: [String] {
    isAsh ? ShellOptions.ashNames : isDash ? ShellOptions.dashNames : ShellOptions.bashNames
  }

  /// The options of the shell running now, with the defaults of its kind before any `set`.
  func currentOptions(_ session: Session) -> ShellOptions { session.currentShell.options }

  private func listOptions(_ options: ShellOptions, asCommands: Bool, console: inout Console) {
    if isDash, !isAsh, !asCommands { console.line("Current option settings") }
    for name in optionNames {
      if asCommands {
        console.line("set \(options.has(name) ? "-" : "+")o \(name)")
      } else if isDash {
        console.line(Self.padded(name, 16) + (options.has(name) ? "on" : "off"))
      } else {
        console.line(Self.padded(name, 15) + "\t" + (options.has(name) ? "on" : "off"))
      }
    }
  }

  /// `%-Ns`: a long name is not cut.
  private static func padded(_ name: String, _ width: Int) -> String {
    name + String(repeating: " ", count: max(0, width - name.count))
  }

  /// dash's `set` is a special builtin: a bad option ends a script (status 2).
  private mutating func invalidOption(_ letter: Character, sign: Character, console: inout Console) -> Int32 {
    if isDash {
      console.errorLine(messagePrefix + "set: Illegal option \(sign)\(letter)")
      exitRequested = isSubshell
      return 2
    }
    console.errorLine(messagePrefix + "set: \(sign)\(letter): invalid option")
    console.errorLine("set: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]")
    return 2
  }

  private mutating func invalidOptionName(_ name: String, sign: Character, console: inout Console) -> Int32 {
    if isDash {
      console.errorLine(messagePrefix + "set: Illegal option \(sign)o \(name)")
      exitRequested = isSubshell
      return 2
    }
    console.errorLine(messagePrefix + "set: \(name): invalid option name")
    return 2
  }
}
