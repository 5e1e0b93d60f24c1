// Hard links: lower links survive until copy-up, which breaks them (index=off, as Docker
// mounts); links made in the container share one upper inode (overlay-semantics.md §8).
extension Scenarios {
  static let links: [Scenario] = [
    Scenario(
      "S24", "append to one name of a lower hard link: the link breaks", layers: [base],
      run: ["echo x >> /bin/busybox", "cat /bin/sh"]),
    Scenario(
      "S26", "hard-link a lower file, write through the new name", layers: [base],
      run: ["ln /bin/busybox /bin/x", "echo y >> /bin/x", "cat /bin/busybox"]),
    Scenario("X30", "delete one name of a lower hard link", layers: [base], run: ["rm /bin/sh", "cat /bin/busybox"]),
    Scenario("X31", "chmod one name of a lower hard link", layers: [base], run: ["chmod 700 /bin/sh"]),
    Scenario(
      "X32", "hard-link a new file, write through the second name", layers: [base],
      run: ["echo a > /tmp/a", "ln /tmp/a /tmp/b", "echo b >> /tmp/b", "cat /tmp/a"]),
    Scenario(
      "X33", "hard-link a lower file into another directory", layers: [base],
      run: ["ln /etc/hosts /tmp/hosts", "cat /tmp/hosts"]),
  ]
}
