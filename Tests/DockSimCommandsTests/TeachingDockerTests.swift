import DockSimCore
import Testing

@testable import DockSimCommands

/// The teaching commands around real `docker run`/`create`/`start`: boot narration,
/// copy-up and whiteout traces, the diagram of a running, exited and created container,
/// and `docker diff` untouched by the teacher (trace off prints nothing extra).
@Suite struct TeachingDockerTests {
  func check(_ language: Language, _ steps: [(String, String)]) {
    var session = TeachingFixtures.session(language: language)
    for (input, expected) in steps {
      #expect(TeachingFixtures.run(input, in: &session) == expected, "\(language): \(input)")
    }
  }

  @Test func transcriptEN() {
    check(.en, [
      ("trace on", """
        trace on: each command's file system steps are narrated under its output.

        """),
      ("docker run -it --name web nginx-emacs bash", """
        [trace] boot: bootfs (boot loader and kernel) mounted to start the container
        [trace] boot: rootfs ubuntu:18.04 mounted read-only; a traditional Linux boot checks it and remounts it read-write, Docker keeps it read-only
        [trace] boot: 2 image layers union-mounted above rootfs
        [trace] boot: an empty writable container layer mounted on top
        [trace] boot: the container has started; bootfs unmounted to free memory
        [trace] note: this is the course text's model. Docker today has no bootfs: containers share the host's kernel and start straight from the union mount.

        """),
      ("echo hi >> /etc/motd", """
        [trace] lookup: /etc found in layer 4 (init)
        [trace] lookup: /etc/motd found in layer 2 (emacs:latest)
        [trace] copy-up: /etc from layer 4 (init) into the container layer; the original stays in layer 4, hidden
        [trace] copy-up: /etc/motd from layer 2 (emacs:latest) into the container layer; the original stays in layer 2, hidden
        [trace] lookup: /etc found in the container layer
        [trace] lookup: /etc/motd found in the container layer

        """),
      ("rm /etc/os-release", """
        [trace] lookup: /etc found in the container layer
        [trace] lookup: /etc/os-release found in layer 1 (ubuntu:18.04)
        [trace] whiteout: /etc/os-release is hidden by a whiteout in the container layer; layer 1 (ubuntu:18.04) still holds it

        """),
      ("exit", """
        exit

        """),
      ("layers web", """
        ┌─ docksim: the layers of container web (image nginx-emacs:latest) ────────────┐
        │ container layer, read-write                    0 added, 2 changed, 1 deleted │
        ├──────────────────────────────────────────────────────────────────────────────┤
        │ layer 3  23aedacd4c3d  read-only                               18kB  2 files │
        │   /bin/sh -c apt-get install -y nginx                                        │
        │   image nginx-emacs:latest                                                   │
        ├──────────────────────────────────────────────────────────────────────────────┤
        │ layer 2  2863dcbcda08  read-only                              120kB  2 files │
        │   /bin/sh -c apt-get install -y emacs                                        │
        │   parent image emacs:latest                                                  │
        ├──────────────────────────────────────────────────────────────────────────────┤
        │ layer 1  8a47e03c9057  read-only                             1.11MB  5 files │
        │   /bin/sh -c #(nop) ADD file:4a5b6c in /                                     │
        │   base image ubuntu:18.04                                                    │
        ╞══════════════════════════════════════════════════════════════════════════════╡
        │ rootfs: ubuntu:18.04, mounted read-only and never remounted read-write       │
        ├──────────────────────────────────────────────────────────────────────────────┤
        │ bootfs: boot loader + kernel, unmounted after start (memory freed)           │
        └──────────────────────────────────────────────────────────────────────────────┘
          top wins: a file in a higher layer hides the same path below it

        """),
      ("whence web /etc/motd", """
        /etc/motd: the container's copy (copy-up) is in the container layer
          the read-only original is still in layer 2 (emacs:latest), hidden
          hides the version in layer 1 (ubuntu:18.04)

        """),
      ("whence web /etc/os-release", """
        /etc/os-release was deleted: a whiteout in the container layer hides the version in layer 1 (ubuntu:18.04)

        """),
      ("trace off", """
        trace off.

        """),
      ("docker diff web", """
        C /etc
        C /etc/motd
        D /etc/os-release

        """),
      ("docker create --name idle ubuntu:18.04", """
        e619a000f9c32f6f4f8b8d5c6bf6012b17e5bc879e7da3e3f6478d204398f47d

        """),
      ("layers --ascii idle", """
        +- docksim: the layers of container idle (image ubuntu:18.04) -----------------+
        | container layer, read-write                            empty: no changes yet |
        +------------------------------------------------------------------------------+
        | layer 1  8a47e03c9057  read-only                             1.11MB  5 files |
        |   /bin/sh -c #(nop) ADD file:4a5b6c in /                                     |
        |   base image ubuntu:18.04                                                    |
        +==============================================================================+
        | rootfs: ubuntu:18.04, mounted read-only and never remounted read-write       |
        +------------------------------------------------------------------------------+
        | bootfs: boot loader + kernel, not mounted yet (not started)                  |
        +------------------------------------------------------------------------------+
          top wins: a file in a higher layer hides the same path below it

        """),
      ("trace on", """
        trace on: each command's file system steps are narrated under its output.

        """),
      ("docker start idle", """
        idle
        [trace] boot: bootfs (boot loader and kernel) mounted to start the container
        [trace] boot: rootfs ubuntu:18.04 mounted read-only; a traditional Linux boot checks it and remounts it read-write, Docker keeps it read-only
        [trace] boot: an empty writable container layer mounted on top
        [trace] boot: the container has started; bootfs unmounted to free memory

        """),
      ("layers idle", """
        ┌─ docksim: the layers of container idle (image ubuntu:18.04) ─────────────────┐
        │ container layer, read-write                            empty: no changes yet │
        ├──────────────────────────────────────────────────────────────────────────────┤
        │ layer 1  8a47e03c9057  read-only                             1.11MB  5 files │
        │   /bin/sh -c #(nop) ADD file:4a5b6c in /                                     │
        │   base image ubuntu:18.04                                                    │
        ╞══════════════════════════════════════════════════════════════════════════════╡
        │ rootfs: ubuntu:18.04, mounted read-only and never remounted read-write       │
        ├──────────────────────────────────────────────────────────────────────────────┤
        │ bootfs: boot loader + kernel, unmounted after start (memory freed)           │
        └──────────────────────────────────────────────────────────────────────────────┘
          top wins: a file in a higher layer hides the same path below it

        """),
    ])
  }

  @Test func transcriptZH() {
    check(.zh, [
      ("trace on", """
        跟踪已开启：每条命令的输出下方会说明文件系统做了什么。

        """),
      ("docker run -it --name web nginx-emacs bash", """
        [跟踪] 启动：挂载 bootfs（引导程序和内核）来启动容器
        [跟踪] 启动：以只读方式挂载 rootfs ubuntu:18.04；传统 Linux 启动时会自检后重新挂载为读写，Docker 则始终保持只读
        [跟踪] 启动：用联合加载在 rootfs 之上挂载 2 个镜像层
        [跟踪] 启动：在最上面挂载一个空的可读写容器层
        [跟踪] 启动：容器已启动，卸载 bootfs 以节省内存
        [跟踪] 注意：这是课文中的模型。如今的 Docker 并没有 bootfs：容器共享宿主机的内核，直接从联合挂载启动。

        """),
      ("echo hi >> /etc/motd", """
        [跟踪] 查找：/etc 位于第 4 层（init）
        [跟踪] 查找：/etc/motd 位于第 2 层（emacs:latest）
        [跟踪] 写时复制：把 /etc 从第 4 层（init）复制到容器层；原文件仍在第 4 层，但已被隐藏
        [跟踪] 写时复制：把 /etc/motd 从第 2 层（emacs:latest）复制到容器层；原文件仍在第 2 层，但已被隐藏
        [跟踪] 查找：/etc 位于容器层
        [跟踪] 查找：/etc/motd 位于容器层

        """),
      ("rm /etc/os-release", """
        [跟踪] 查找：/etc 位于容器层
        [跟踪] 查找：/etc/os-release 位于第 1 层（ubuntu:18.04）
        [跟踪] whiteout：容器层中的 whiteout 隐藏了 /etc/os-release；第 1 层（ubuntu:18.04）中仍保留着它

        """),
      ("exit", """
        exit

        """),
      ("layers web", """
        ┌─ docksim：容器 web 的分层（镜像 nginx-emacs:latest） ────────────────────────┐
        │ 容器层，可读写                                        新增 0，修改 2，删除 1 │
        ├──────────────────────────────────────────────────────────────────────────────┤
        │ 第 3 层  23aedacd4c3d  只读                                   18kB  2 个文件 │
        │   /bin/sh -c apt-get install -y nginx                                        │
        │   镜像 nginx-emacs:latest                                                    │
        ├──────────────────────────────────────────────────────────────────────────────┤
        │ 第 2 层  2863dcbcda08  只读                                  120kB  2 个文件 │
        │   /bin/sh -c apt-get install -y emacs                                        │
        │   父镜像 emacs:latest                                                        │
        ├──────────────────────────────────────────────────────────────────────────────┤
        │ 第 1 层  8a47e03c9057  只读                                 1.11MB  5 个文件 │
        │   /bin/sh -c #(nop) ADD file:4a5b6c in /                                     │
        │   基础镜像 ubuntu:18.04                                                      │
        ╞══════════════════════════════════════════════════════════════════════════════╡
        │ rootfs：ubuntu:18.04，以只读方式挂载，永远不会重新挂载为读写                 │
        ├──────────────────────────────────────────────────────────────────────────────┤
        │ bootfs：引导程序和内核，启动完成后已卸载（节省内存）                         │
        └──────────────────────────────────────────────────────────────────────────────┘
          上层优先：上层的文件会隐藏下层同一路径的文件

        """),
      ("whence web /etc/motd", """
        /etc/motd：容器的副本（写时复制）在容器层中
          只读的原文件仍在第 2 层（emacs:latest）中，但已被隐藏
          隐藏了第 1 层（ubuntu:18.04）中的版本

        """),
      ("whence web /etc/os-release", """
        /etc/os-release 已被删除：容器层中的 whiteout 隐藏了第 1 层（ubuntu:18.04）中的版本

        """),
      ("trace off", """
        跟踪已关闭。

        """),
      ("docker diff web", """
        C /etc
        C /etc/motd
        D /etc/os-release

        """),
      ("docker create --name idle ubuntu:18.04", """
        e619a000f9c32f6f4f8b8d5c6bf6012b17e5bc879e7da3e3f6478d204398f47d

        """),
      ("layers --ascii idle", """
        +- docksim：容器 idle 的分层（镜像 ubuntu:18.04） -----------------------------+
        | 容器层，可读写                                            空：还没有任何变化 |
        +------------------------------------------------------------------------------+
        | 第 1 层  8a47e03c9057  只读                                 1.11MB  5 个文件 |
        |   /bin/sh -c #(nop) ADD file:4a5b6c in /                                     |
        |   基础镜像 ubuntu:18.04                                                      |
        +==============================================================================+
        | rootfs：ubuntu:18.04，以只读方式挂载，永远不会重新挂载为读写                 |
        +------------------------------------------------------------------------------+
        | bootfs：引导程序和内核，尚未挂载（容器未启动）                               |
        +------------------------------------------------------------------------------+
          上层优先：上层的文件会隐藏下层同一路径的文件

        """),
      ("trace on", """
        跟踪已开启：每条命令的输出下方会说明文件系统做了什么。

        """),
      ("docker start idle", """
        idle
        [跟踪] 启动：挂载 bootfs（引导程序和内核）来启动容器
        [跟踪] 启动：以只读方式挂载 rootfs ubuntu:18.04；传统 Linux 启动时会自检后重新挂载为读写，Docker 则始终保持只读
        [跟踪] 启动：在最上面挂载一个空的可读写容器层
        [跟踪] 启动：容器已启动，卸载 bootfs 以节省内存

        """),
      ("layers idle", """
        ┌─ docksim：容器 idle 的分层（镜像 ubuntu:18.04） ─────────────────────────────┐
        │ 容器层，可读写                                            空：还没有任何变化 │
        ├──────────────────────────────────────────────────────────────────────────────┤
        │ 第 1 层  8a47e03c9057  只读                                 1.11MB  5 个文件 │
        │   /bin/sh -c #(nop) ADD file:4a5b6c in /                                     │
        │   基础镜像 ubuntu:18.04                                                      │
        ╞══════════════════════════════════════════════════════════════════════════════╡
        │ rootfs：ubuntu:18.04，以只读方式挂载，永远不会重新挂载为读写                 │
        ├──────────────────────────────────────────────────────────────────────────────┤
        │ bootfs：引导程序和内核，启动完成后已卸载（节省内存）                         │
        └──────────────────────────────────────────────────────────────────────────────┘
          上层优先：上层的文件会隐藏下层同一路径的文件

        """),
    ])
  }

}
