import DockSimCore
import Testing

@testable import DockSimCommands

/// Golden transcripts of the teaching commands over the course text's images
/// (ubuntu:18.04, emacs on it, nginx-emacs on that) and a container of nginx-emacs,
/// in both languages and both drawing styles: diagram, trace, whence, tree, errors.
@Suite struct TeachingGoldenTests {
  /// Runs the steps in one session and compares each output exactly.
  func check(_ language: Language, _ steps: [(String, String)]) {
    var session = TeachingFixtures.inContainer(language: language)
    for (input, expected) in steps {
      #expect(TeachingFixtures.run(input, in: &session) == expected, "\(language): \(input)")
    }
  }

  @Test func transcriptEN() {
    check(.en, [
      ("layers nginx-emacs", """
        ┌─ docksim: the layers of image nginx-emacs:latest ────────────────────────────┐
        │ (a container adds its writable layer here)                                   │
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
        │ bootfs: boot loader + kernel, mounted only while a container starts          │
        └──────────────────────────────────────────────────────────────────────────────┘
          top wins: a file in a higher layer hides the same path below it

        """),
      ("layers --ascii ubuntu:18.04", """
        +- docksim: the layers of image ubuntu:18.04 ----------------------------------+
        | (a container adds its writable layer here)                                   |
        +------------------------------------------------------------------------------+
        | layer 1  8a47e03c9057  read-only                             1.11MB  5 files |
        |   /bin/sh -c #(nop) ADD file:4a5b6c in /                                     |
        |   base image ubuntu:18.04                                                    |
        +==============================================================================+
        | rootfs: ubuntu:18.04, mounted read-only and never remounted read-write       |
        +------------------------------------------------------------------------------+
        | bootfs: boot loader + kernel, mounted only while a container starts          |
        +------------------------------------------------------------------------------+
          top wins: a file in a higher layer hides the same path below it

        """),
      ("trace on", """
        trace on: each command's file system steps are narrated under its output.

        """),
      ("echo hi >> /etc/motd", """
        [trace] lookup: /etc found in layer 3 (nginx-emacs:latest)
        [trace] lookup: /etc/motd found in layer 2 (emacs:latest)
        [trace] copy-up: /etc from layer 3 (nginx-emacs:latest) into the container layer; the original stays in layer 3, hidden
        [trace] copy-up: /etc/motd from layer 2 (emacs:latest) into the container layer; the original stays in layer 2, hidden
        [trace] lookup: /etc found in the container layer
        [trace] lookup: /etc/motd found in the container layer

        """),
      ("rm -r /opt/app", """
        [trace] lookup: /opt found in layer 2 (emacs:latest)
        [trace] lookup: /opt/app found in layer 2 (emacs:latest)
        [trace] copy-up: /opt from layer 2 (emacs:latest) into the container layer; the original stays in layer 2, hidden
        [trace] whiteout: /opt/app is hidden by a whiteout in the container layer; layer 2 (emacs:latest) still holds it

        """),
      ("touch /new", ""),
      ("rm /new", """
        [trace] lookup: /new found in the container layer
        [trace] remove: /new existed only in the container layer, so it is simply deleted (no whiteout)

        """),
      ("mkdir /opt/app", """
        [trace] lookup: /opt found in the container layer
        [trace] opaque directory: /opt/app in the container layer hides the /opt/app of every layer below

        """),
      ("touch /added", ""),
      ("layers", """
        ┌─ docksim: the layers of container c0ffeec0ffee (image nginx-emacs:latest) ───┐
        │ container layer, read-write                    1 added, 2 changed, 0 deleted │
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
      ("layers --ascii", """
        +- docksim: the layers of container c0ffeec0ffee (image nginx-emacs:latest) ---+
        | container layer, read-write                    1 added, 2 changed, 0 deleted |
        +------------------------------------------------------------------------------+
        | layer 3  23aedacd4c3d  read-only                               18kB  2 files |
        |   /bin/sh -c apt-get install -y nginx                                        |
        |   image nginx-emacs:latest                                                   |
        +------------------------------------------------------------------------------+
        | layer 2  2863dcbcda08  read-only                              120kB  2 files |
        |   /bin/sh -c apt-get install -y emacs                                        |
        |   parent image emacs:latest                                                  |
        +------------------------------------------------------------------------------+
        | layer 1  8a47e03c9057  read-only                             1.11MB  5 files |
        |   /bin/sh -c #(nop) ADD file:4a5b6c in /                                     |
        |   base image ubuntu:18.04                                                    |
        +==============================================================================+
        | rootfs: ubuntu:18.04, mounted read-only and never remounted read-write       |
        +------------------------------------------------------------------------------+
        | bootfs: boot loader + kernel, unmounted after start (memory freed)           |
        +------------------------------------------------------------------------------+
          top wins: a file in a higher layer hides the same path below it

        """),
      ("whence /etc/motd", """
        /etc/motd: the container's copy (copy-up) is in the container layer
          the read-only original is still in layer 2 (emacs:latest), hidden
          hides the version in layer 1 (ubuntu:18.04)

        """),
      ("whence /opt/app", """
        /opt/app is a directory from the container layer
          hides the version in layer 2 (emacs:latest)
          hides the version in layer 1 (ubuntu:18.04)

        """),
      ("whence nginx-emacs /etc/motd", """
        /etc/motd is provided by layer 2 (emacs:latest)
          hides the version in layer 1 (ubuntu:18.04)

        """),
      ("whence emacs /opt/app/README", """
        /opt/app/README was deleted: a whiteout in layer 2 (emacs:latest) hides the version in layer 1 (ubuntu:18.04)

        """),
      ("tree /", """
        /                       [C]
        ├── added               [C]
        ├── bin/                [1]
        │   └── bash            [1]
        ├── etc/                [C]
        │   ├── motd            [C] copy-up: the original in [2] is hidden
        │   ├── nginx/          [3]
        │   │   └── nginx.conf  [3]
        │   ├── os-release      [1]
        │   └── passwd          [1]
        ├── opt/                [C]
        │   └── app/            [C] opaque: hides the layers below
        ├── tmp/                [1]
        └── usr/                [3]
            ├── bin/            [2]
            │   └── emacs       [2]
            └── sbin/           [3]
                └── nginx       [3]
        [C] container layer  [n] image layer n (1 = bottom)

        """),
      ("tree --ascii /etc", """
        /etc/               [C]
        |-- motd            [C] copy-up: the original in [2] is hidden
        |-- nginx/          [3]
        |   `-- nginx.conf  [3]
        |-- os-release      [1]
        `-- passwd          [1]
        [C] container layer  [n] image layer n (1 = bottom)

        """),
      ("tree nginx-emacs /opt", """
        /opt/           [2]
        └── app/        [2]
            └── README  [2] whiteout, hides layer 1 (ubuntu:18.04)
        [C] container layer  [n] image layer n (1 = bottom)

        """),
      ("whence /nope", """
        whence: /nope: no such file or directory in c0ffeec0ffee

        """),
      ("layers nope", """
        layers: no such image or container: nope

        """),
      ("trace off", """
        trace off.

        """),
      ("trace", """
        trace is off.

        """),
      ("lang", """
        usage: lang zh|en

        """),
      ("explain nope", """
        explain: no topic 'nope'; type 'explain' for the list

        """),
    ])
  }

  @Test func transcriptZH() {
    check(.zh, [
      ("layers nginx-emacs", """
        ┌─ docksim：镜像 nginx-emacs:latest 的分层 ────────────────────────────────────┐
        │ （启动容器时，可读写的容器层加在这里）                                       │
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
        │ bootfs：引导程序和内核，只在容器启动时挂载                                   │
        └──────────────────────────────────────────────────────────────────────────────┘
          上层优先：上层的文件会隐藏下层同一路径的文件

        """),
      ("layers --ascii ubuntu:18.04", """
        +- docksim：镜像 ubuntu:18.04 的分层 ------------------------------------------+
        | （启动容器时，可读写的容器层加在这里）                                       |
        +------------------------------------------------------------------------------+
        | 第 1 层  8a47e03c9057  只读                                 1.11MB  5 个文件 |
        |   /bin/sh -c #(nop) ADD file:4a5b6c in /                                     |
        |   基础镜像 ubuntu:18.04                                                      |
        +==============================================================================+
        | rootfs：ubuntu:18.04，以只读方式挂载，永远不会重新挂载为读写                 |
        +------------------------------------------------------------------------------+
        | bootfs：引导程序和内核，只在容器启动时挂载                                   |
        +------------------------------------------------------------------------------+
          上层优先：上层的文件会隐藏下层同一路径的文件

        """),
      ("trace on", """
        跟踪已开启：每条命令的输出下方会说明文件系统做了什么。

        """),
      ("echo hi >> /etc/motd", """
        [跟踪] 查找：/etc 位于第 3 层（nginx-emacs:latest）
        [跟踪] 查找：/etc/motd 位于第 2 层（emacs:latest）
        [跟踪] 写时复制：把 /etc 从第 3 层（nginx-emacs:latest）复制到容器层；原文件仍在第 3 层，但已被隐藏
        [跟踪] 写时复制：把 /etc/motd 从第 2 层（emacs:latest）复制到容器层；原文件仍在第 2 层，但已被隐藏
        [跟踪] 查找：/etc 位于容器层
        [跟踪] 查找：/etc/motd 位于容器层

        """),
      ("rm -r /opt/app", """
        [跟踪] 查找：/opt 位于第 2 层（emacs:latest）
        [跟踪] 查找：/opt/app 位于第 2 层（emacs:latest）
        [跟踪] 写时复制：把 /opt 从第 2 层（emacs:latest）复制到容器层；原文件仍在第 2 层，但已被隐藏
        [跟踪] whiteout：容器层中的 whiteout 隐藏了 /opt/app；第 2 层（emacs:latest）中仍保留着它

        """),
      ("touch /new", ""),
      ("rm /new", """
        [跟踪] 查找：/new 位于容器层
        [跟踪] 删除：/new 只存在于容器层，直接删除即可（不需要 whiteout）

        """),
      ("mkdir /opt/app", """
        [跟踪] 查找：/opt 位于容器层
        [跟踪] 不透明目录：容器层中的 /opt/app 隐藏了下面各层的 /opt/app

        """),
      ("touch /added", ""),
      ("layers", """
        ┌─ docksim：容器 c0ffeec0ffee 的分层（镜像 nginx-emacs:latest） ───────────────┐
        │ 容器层，可读写                                        新增 1，修改 2，删除 0 │
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
      ("layers --ascii", """
        +- docksim：容器 c0ffeec0ffee 的分层（镜像 nginx-emacs:latest） ---------------+
        | 容器层，可读写                                        新增 1，修改 2，删除 0 |
        +------------------------------------------------------------------------------+
        | 第 3 层  23aedacd4c3d  只读                                   18kB  2 个文件 |
        |   /bin/sh -c apt-get install -y nginx                                        |
        |   镜像 nginx-emacs:latest                                                    |
        +------------------------------------------------------------------------------+
        | 第 2 层  2863dcbcda08  只读                                  120kB  2 个文件 |
        |   /bin/sh -c apt-get install -y emacs                                        |
        |   父镜像 emacs:latest                                                        |
        +------------------------------------------------------------------------------+
        | 第 1 层  8a47e03c9057  只读                                 1.11MB  5 个文件 |
        |   /bin/sh -c #(nop) ADD file:4a5b6c in /                                     |
        |   基础镜像 ubuntu:18.04                                                      |
        +==============================================================================+
        | rootfs：ubuntu:18.04，以只读方式挂载，永远不会重新挂载为读写                 |
        +------------------------------------------------------------------------------+
        | bootfs：引导程序和内核，启动完成后已卸载（节省内存）                         |
        +------------------------------------------------------------------------------+
          上层优先：上层的文件会隐藏下层同一路径的文件

        """),
      ("whence /etc/motd", """
        /etc/motd：容器的副本（写时复制）在容器层中
          只读的原文件仍在第 2 层（emacs:latest）中，但已被隐藏
          隐藏了第 1 层（ubuntu:18.04）中的版本

        """),
      ("whence /opt/app", """
        /opt/app 是来自容器层的目录
          隐藏了第 2 层（emacs:latest）中的版本
          隐藏了第 1 层（ubuntu:18.04）中的版本

        """),
      ("whence nginx-emacs /etc/motd", """
        /etc/motd 来自第 2 层（emacs:latest）
          隐藏了第 1 层（ubuntu:18.04）中的版本

        """),
      ("whence emacs /opt/app/README", """
        /opt/app/README 已被删除：第 2 层（emacs:latest）中的 whiteout 隐藏了第 1 层（ubuntu:18.04）中的版本

        """),
      ("tree /", """
        /                       [C]
        ├── added               [C]
        ├── bin/                [1]
        │   └── bash            [1]
        ├── etc/                [C]
        │   ├── motd            [C] 写时复制：[2] 中的原文件被隐藏
        │   ├── nginx/          [3]
        │   │   └── nginx.conf  [3]
        │   ├── os-release      [1]
        │   └── passwd          [1]
        ├── opt/                [C]
        │   └── app/            [C] 不透明目录：隐藏下面各层
        ├── tmp/                [1]
        └── usr/                [3]
            ├── bin/            [2]
            │   └── emacs       [2]
            └── sbin/           [3]
                └── nginx       [3]
        [C] 容器层  [n] 镜像第 n 层（1 = 最底层）

        """),
      ("tree --ascii /etc", """
        /etc/               [C]
        |-- motd            [C] 写时复制：[2] 中的原文件被隐藏
        |-- nginx/          [3]
        |   `-- nginx.conf  [3]
        |-- os-release      [1]
        `-- passwd          [1]
        [C] 容器层  [n] 镜像第 n 层（1 = 最底层）

        """),
      ("tree nginx-emacs /opt", """
        /opt/           [2]
        └── app/        [2]
            └── README  [2] whiteout，隐藏第 1 层（ubuntu:18.04）
        [C] 容器层  [n] 镜像第 n 层（1 = 最底层）

        """),
      ("whence /nope", """
        whence：/nope：在 c0ffeec0ffee 中没有这个文件或目录

        """),
      ("layers nope", """
        layers：没有这个镜像或容器：nope

        """),
      ("trace off", """
        跟踪已关闭。

        """),
      ("trace", """
        跟踪处于关闭状态。

        """),
      ("lang", """
        用法：lang zh|en

        """),
      ("explain nope", """
        explain：没有主题“nope”；输入 explain 查看列表

        """),
    ])
  }

}
