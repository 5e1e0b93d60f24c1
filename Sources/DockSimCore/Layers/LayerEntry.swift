/// Owner, permissions and modification time: what `ls -l` and `docker diff` look at.
public struct FileMetadata: Hashable, Sendable {
  /// Permission bits including setuid/setgid/sticky (0o7777); the file type is not here.
  public var mode: UInt32
  public var uid: UInt32
  public var gid: UInt32
  public var mtime: Timestamp

  public init(mode: UInt32, uid: UInt32 = 0, gid: UInt32 = 0, mtime: Timestamp) {
    self.mode = mode & 0o7777
    self.uid = uid
    self.gid = gid
    self.mtime = mtime
  }
}

/// A regular file's inode: its content and metadata. Several names (hard links) can
/// share one inode within a layer.
public struct RegularFile: Hashable, Sendable {
  public var data: FileData
  public var metadata: FileMetadata

  public init(data: FileData, metadata: FileMetadata) {
    self.data = data
    self.metadata = metadata
  }
}

/// One path of a layer, as an OCI layer tar carries it. Whiteouts are values here;
/// the `.wh.` spelling only appears when a layer is shown as a tar.
public enum LayerEntry: Hashable, Sendable {
  /// A directory. `opaque` hides the same directory in every layer below (`.wh..wh..opq`).
  case directory(FileMetadata, opaque: Bool)
  /// A regular file: the number of its inode in the layer's inode table.
  case file(inode: Int)
  case symlink(target: String, FileMetadata)
  /// Deletes the name from the layers below (`.wh.NAME`, a 0/0 character device in overlay).
  case whiteout

  public var isDirectory: Bool { if case .directory = self { true } else { false } }
  public var isWhiteout: Bool { if case .whiteout = self { true } else { false } }
}

/// The type of a visible file, as `ls -l` and `stat` name it.
public enum FileKind: String, Hashable, Sendable {
  case regular, directory, symlink
}
