/// A failed filesystem call, as an errno. `description` is strerror's text, which is
/// what coreutils print after the file name (`rm: cannot remove 'x': No such file or directory`).
public enum FSError: Error, Hashable, Sendable, CustomStringConvertible {
  case noSuchFile  // ENOENT
  case notADirectory  // ENOTDIR
  case isADirectory  // EISDIR
  case fileExists  // EEXIST
  case directoryNotEmpty  // ENOTEMPTY
  case crossDevice  // EXDEV
  case tooManySymlinks  // ELOOP
  case permissionDenied  // EACCES
  case operationNotPermitted  // EPERM
  case nameTooLong  // ENAMETOOLONG
  case invalidArgument  // EINVAL
  case busy  // EBUSY
  case fileTooLarge  // EFBIG
  case noSpace  // ENOSPC

  public var description: String {
    switch self {
    case .noSuchFile: "No such file or directory"
    case .notADirectory: "Not a directory"
    case .isADirectory: "Is a directory"
    case .fileExists: "File exists"
    case .directoryNotEmpty: "Directory not empty"
    case .crossDevice: "Invalid cross-device link"
    case .tooManySymlinks: "Too many levels of symbolic links"
    case .permissionDenied: "Permission denied"
    case .operationNotPermitted: "Operation not permitted"
    case .nameTooLong: "File name too long"
    case .invalidArgument: "Invalid argument"
    case .busy: "Device or resource busy"
    case .fileTooLarge: "File too large"
    case .noSpace: "No space left on device"
    }
  }

  /// The C name (`ENOENT`), for `trace` and `explain`.
  public var symbol: String {
    switch self {
    case .noSuchFile: "ENOENT"
    case .notADirectory: "ENOTDIR"
    case .isADirectory: "EISDIR"
    case .fileExists: "EEXIST"
    case .directoryNotEmpty: "ENOTEMPTY"
    case .crossDevice: "EXDEV"
    case .tooManySymlinks: "ELOOP"
    case .permissionDenied: "EACCES"
    case .operationNotPermitted: "EPERM"
    case .nameTooLong: "ENAMETOOLONG"
    case .invalidArgument: "EINVAL"
    case .busy: "EBUSY"
    case .fileTooLarge: "EFBIG"
    case .noSpace: "ENOSPC"
    }
  }
}
