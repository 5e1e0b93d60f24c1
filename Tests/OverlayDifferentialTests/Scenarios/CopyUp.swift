// Copy-up: any write access to a lower object copies it (and its ancestors) into the
// writable layer, keeping mode and mtime (overlay-semantics.md §3). Chmod-only and
// touch-only changes are here.
extension Scenarios {
  static let copyUp: [Scenario] = [
    Scenario("S01", "append to a lower file", layers: [base], run: ["echo x >> /etc/motd"]),
    Scenario("S02", "overwrite a lower file", layers: [base], run: ["echo new > /etc/motd"]),
    Scenario("S03", "chmod-only change", layers: [base], run: ["chmod 600 /etc/hosts"]),
    Scenario(
      "S04", "chmod to the mode it already has: copied up, invisible to docker diff",
      layers: [base], run: ["chmod 644 /etc/hosts"]),
    Scenario("S05", "touch-only change", layers: [base], run: ["touch /etc/hosts"]),
    Scenario(
      "S06", "open for append and write nothing: copied up, invisible to docker diff",
      layers: [base], run: ["echo -n '' >> /etc/motd"]),
    Scenario(
      "S30", "a new file deep in lower dirs copies up only its ancestors",
      layers: [base], run: ["echo new > /usr/share/doc/new.txt"]),
    Scenario("S34", "chmod a lower directory: none of its children", layers: [base], run: ["chmod 700 /opt/app"]),
    Scenario(
      "X01", "touch -t to a fixed date", layers: [base], run: ["touch -t 201907010000.00 /etc/hosts"]),
    Scenario(
      "X02", "touch -t to the mtime the file already has: copied up, invisible to docker diff",
      layers: [base], run: ["touch -t 201906011200.00 /etc/hosts"]),
    Scenario("X03", "truncate a lower file to nothing", layers: [base], run: ["true > /etc/motd"]),
    Scenario("X04", "touch a new file", layers: [base], run: ["touch /etc/new"]),
    Scenario(
      "X05", "chmod a lower directory, then add to it", layers: [base],
      run: ["chmod 750 /srv/empty", "touch /srv/empty/f"]),
    Scenario(
      "X06", "copy with and without -p", layers: [base],
      run: ["cp -p /etc/hosts /etc/hosts.bak", "cp /etc/motd /tmp/motd"]),
    Scenario(
      "X07", "read-only access copies nothing", layers: [base],
      run: ["cat /etc/motd", "ls /opt/app", "cat /bin/sh"]),
    Scenario(
      "X08", "chmod -R copies a whole lower tree", layers: [base], run: ["chmod -R 700 /opt/app"]),
  ]
}
