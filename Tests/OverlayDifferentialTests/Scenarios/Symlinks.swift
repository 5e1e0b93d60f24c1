// Symlinks: writing through one copies up the target, not the link; new links are plain
// upper entries, dangling or not (overlay-semantics.md §3).
extension Scenarios {
  static let symlinks: [Scenario] = [
    Scenario(
      "S27", "new symlinks, one dangling", layers: [base],
      run: ["ln -s /nonexistent/target /etc/dangling", "ln -s ../etc/hosts /srv/hosts"]),
    Scenario("S28", "write through a relative symlink", layers: [base], run: ["echo x >> /etc/localtime"]),
    Scenario("X40", "chmod through a symlink changes the target", layers: [base], run: ["chmod 600 /etc/localtime"]),
    Scenario("X41", "delete a lower symlink, not its target", layers: [base], run: ["rm /etc/localtime"]),
    Scenario(
      "X42", "replace a lower symlink with ln -sf", layers: [base], run: ["ln -sf ../etc/hosts /etc/localtime"]),
    Scenario(
      "X43", "create a file through a symlink to a lower directory", layers: [base + [symlink("/usr/local/app", to: "../../opt/app")]],
      run: ["echo n > /usr/local/app/new", "rm -r /usr/local/app", "ls /opt/app"]),
  ]
}
