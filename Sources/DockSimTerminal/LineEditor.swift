import CLibEdit

/// Line editing with libedit. (Placeholder: the terminal work fills this in.)
public final class LineEditor {
  public init() {}
}
