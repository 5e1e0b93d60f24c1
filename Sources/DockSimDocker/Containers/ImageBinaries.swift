import DockSimCore
import DockSimShell

/// The programs of images that have no shell or utilities, only their own binary:
/// docksim cannot run the bytes, so it knows what each one does. A binary is
/// recognised by its path and by being a file of the container's root (so a
/// `/hello` a user writes into another image is not mistaken for it).
enum ImageBinaries {
  /// hello-world's `/hello` (fce289e99eb9, January 2019): a static program that
  /// writes this text to stdout and exits with 0. The first line is empty.
  static let hello = """

    Hello from Docker!
    This message shows that your installation appears to be working correctly.

    To generate this message, Docker took the following steps:
     1. The Docker client contacted the Docker daemon.
     2. The Docker daemon pulled the "hello-world" image from the Docker Hub.
        (amd64)
     3. The Docker daemon created a new container from that image which runs the
        executable that produces the output you are currently reading.
     4. The Docker daemon streamed that output to the Docker client, which sent it
        to your terminal.

    To try something more ambitious, you can run an Ubuntu container with:
     $ docker run -it ubuntu bash

    Share images, automate workflows, and more with a free Docker ID:
     https://hub.docker.com/

    For more examples and ideas, visit:
     https://docs.docker.com/get-started/


    """

  /// Path → the size the image's file has and what the program writes.
  static let known: [String: (size: Int, output: String)] = ["/hello": (1840, hello)]

  static func output(of container: Container) -> String? {
    guard let binary = known[container.path] else { return nil }
    var filesystem = container.filesystem
    guard let stat = try? filesystem.stat(container.path), stat.size == binary.size else { return nil }
    return binary.output
  }
}
