// Renames: files are copied up and moved; lower directories give EXDEV and GNU mv falls
// back to copy and delete (overlay-semantics.md §7); new directories moved into a merged
// parent become opaque (§5).
extension Scenarios {
  static let renames: [Scenario] = [
    Scenario("S18", "rename a lower file", layers: [base], run: ["mv /etc/motd /etc/motd.bak"]),
    Scenario("S19", "rename a lower file over another lower file", layers: [base], run: ["mv /etc/motd /etc/hosts"]),
    Scenario(
      "S20", "rename a lower directory: EXDEV, mv copies the tree", layers: [base],
      run: ["mv /opt/app /opt/app2", "ls -R /opt"]),
    Scenario(
      "S22", "move a lower directory into another lower directory", layers: [base],
      run: ["mv /opt/app /srv/empty/"]),
    Scenario(
      "S23", "rename a new directory at a merged parent: opaque", layers: [base],
      run: ["mkdir /work", "echo f > /work/f", "mv /work /work2"]),
    Scenario(
      "X20", "move a lower file into another lower directory", layers: [base],
      run: ["mv /etc/hosts /opt/app/hosts"]),
    Scenario(
      "X21", "rename a lower file away and back: docker diff sees nothing", layers: [base],
      run: ["mv /etc/motd /tmp/motd", "mv /tmp/motd /etc/motd"]),
    Scenario(
      "X22", "move a new file over a lower file", layers: [base],
      run: ["echo new > /tmp/new", "mv /tmp/new /etc/motd"]),
    Scenario(
      "X23", "move a new directory into a merged directory: opaque", layers: [base],
      run: ["mkdir /tmp/new", "echo n > /tmp/new/f", "mv /tmp/new /opt/app/"]),
    Scenario(
      "X24", "rename inside a new directory: not opaque", layers: [base],
      run: ["mkdir -p /data/a", "mv /data/a /data/b"]),
    Scenario(
      "X25", "rename a lower directory over an empty lower directory", layers: [base],
      run: ["mv -T /opt/app /srv/empty"]),
  ]
}
