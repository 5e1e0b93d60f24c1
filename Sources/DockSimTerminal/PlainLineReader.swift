/// Lines from a terminal without libedit (stdout is not a terminal, or libedit failed):
/// the prompt goes to stderr, as bash's does, and the kernel's line discipline edits.
public final class PlainLineReader: LineSource {
  private let reader = ByteLineReader(fd: 0)

  public init() {}

  public func readLine(prompt: String) -> LineInput {
    FileOutput.write(prompt, to: 2)
    switch reader.nextLine() {
    case .line(let bytes): return .line(String(decoding: bytes, as: UTF8.self))
    case .interrupted:
      FileOutput.write("\n", to: 2)
      return .interrupted
    case .end: return .endOfInput
    }
  }

  public func remember(_ entry: String) {}
}
