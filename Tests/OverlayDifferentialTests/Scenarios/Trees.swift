// Deep trees and mkdir -p across lower directories.
extension Scenarios {
  /// Seven levels of directories with a file at each of the last three.
  static let deep: [LayerItem] = [
    file("/a/b/c/d/e/f/g/leaf", "leaf\n"),
    file("/a/b/c/d/e/f/f.txt", "f\n"),
    file("/a/b/c/d/e/e.txt", "e\n"),
    dir("/a/b/c/other"),
  ]

  static let trees: [Scenario] = [
    Scenario(
      "S29", "mkdir -p a new branch below lower directories: not opaque", layers: [base],
      run: ["mkdir -p /usr/share/doc/new/deeper"]),
    Scenario(
      "X60", "mkdir -p across lower directories into new ones", layers: [base],
      run: ["mkdir -p /opt/app/bin/a/b/c", "echo deep > /opt/app/bin/a/b/c/f"]),
    Scenario(
      "X61", "delete a deep leaf: every ancestor is copied up", layers: [deep], run: ["rm /a/b/c/d/e/f/g/leaf"]),
    Scenario("X62", "rm -r the middle of a deep tree", layers: [deep], run: ["rm -r /a/b/c/d"]),
    Scenario(
      "X63", "rename a deep lower directory: the whole tree is copied", layers: [deep],
      run: ["mv /a/b/c/d /a/b/c/d2"]),
    Scenario(
      "X64", "append deep down, then list", layers: [deep],
      run: ["echo more >> /a/b/c/d/e/f/g/leaf", "ls -R /a/b/c/d/e"]),
    Scenario(
      "X65", "mkdir -p of a path that exists succeeds and copies nothing", layers: [deep],
      run: ["mkdir -p /a/b/c/d/e/f"]),
  ]
}
