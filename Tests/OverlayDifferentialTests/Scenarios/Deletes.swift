// Deleting: whiteouts in the writable layer, recreating over them, rmdir of merged
// directories, failed operations (overlay-semantics.md §4–§6).
extension Scenarios {
  static let deletes: [Scenario] = [
    Scenario("S07", "delete a lower file", layers: [base], run: ["rm /etc/motd"]),
    Scenario(
      "S08", "delete then recreate a file: the file replaces the whiteout", layers: [base],
      run: ["rm /etc/motd", "echo again > /etc/motd"]),
    Scenario("S09", "rm -r a lower tree: one whiteout", layers: [base], run: ["rm -r /opt/app"]),
    Scenario(
      "S10", "rm -r then mkdir the same name: an opaque directory", layers: [base],
      run: ["rm -r /opt/app", "mkdir /opt/app", "echo n > /opt/app/new", "ls -A /opt/app"]),
    Scenario("S12", "rmdir of a non-empty merged directory fails", layers: [base], run: ["rmdir /opt/app"]),
    Scenario(
      "S13", "rmdir once every lower entry is whited out", layers: [base],
      run: ["rm /opt/app/README /opt/app/bin/run", "rmdir /opt/app/bin", "rmdir /opt/app"]),
    Scenario(
      "S32", "a directory replaced by a file", layers: [base], run: ["rm -r /opt/app", "echo file > /opt/app"]),
    Scenario(
      "S33", "a file replaced by a directory", layers: [base], run: ["rm /etc/motd", "mkdir /etc/motd"]),
    Scenario(
      "S35", "failed operations copy nothing up", layers: [base],
      run: ["mkdir /opt/app", "rmdir /etc/hosts", "touch /etc/hosts/x", "rmdir /opt", "rm /nope"]),
    Scenario(
      "S36", "rm -r of a directory mixing lower and new content", layers: [base],
      run: ["echo n > /opt/app/new", "mkdir /opt/app/bin/sub", "rm -r /opt/app"]),
    Scenario(
      "S39", "delete a copied-up lower file: copy removed and whiteout made", layers: [base],
      run: ["echo x >> /etc/motd", "rm /etc/motd"]),
    Scenario("X10", "rmdir of an empty lower directory", layers: [base], run: ["rmdir /srv/empty"]),
    Scenario(
      "X11", "make and remove a directory inside a lower one: no whiteout", layers: [base],
      run: ["mkdir /srv/empty/x", "rmdir /srv/empty/x"]),
    Scenario(
      "X12", "create and delete a new file: no trace but the copied-up parent", layers: [base],
      run: ["echo tmp > /etc/tmpfile", "rm /etc/tmpfile"]),
    Scenario(
      "X13", "rm -r then mkdir -p below: only the recreated top is opaque", layers: [base],
      run: ["rm -r /opt/app", "mkdir -p /opt/app/bin", "ls -A /opt/app"]),
    Scenario("X14", "rm -rf of a missing path succeeds and changes nothing", layers: [base], run: ["rm -rf /nope"]),
  ]
}
