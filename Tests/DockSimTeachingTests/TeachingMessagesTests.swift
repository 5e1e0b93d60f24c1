import DockSimCore
import DockSimTestSupport
import Testing

@testable import DockSimTeaching

@Suite struct TeachingMessagesTests {
  @Test(arguments: Language.allCases) func everyKeyIsTranslated(language: Language) {
    let catalogue = Messages.catalogue(language)
    let missing = MessageKey.allCases.filter { catalogue[$0]?.isEmpty ?? true }
    #expect(missing.isEmpty, "missing in \(language): \(missing.map(\.rawValue))")
  }

  @Test func placeholdersAgreeAcrossLanguages() {
    for key in MessageKey.allCases {
      let english = Messages.placeholders(in: Messages.text(key, .en))
      let chinese = Messages.placeholders(in: Messages.text(key, .zh))
      #expect(english == chinese, "\(key.rawValue): \(english) vs \(chinese)")
    }
  }

  @Test func argumentsAreFilledIn() {
    #expect(Messages.text(.errNoSuchObject, .en, ["command": "layers", "name": "web"])
      == "layers: no such image or container: web")
    #expect(Messages.text(.errNoSuchObject, .zh, ["command": "layers", "name": "web"])
      == "layers：没有这个镜像或容器：web")
  }

  @Test func everyTopicHasACommandAndIsFoundByItsTitles() {
    #expect(ExplainTopic.all.count == 20)
    for topic in ExplainTopic.all {
      #expect(!topic.command.isEmpty)
      #expect(ExplainTopic.find(topic.id)?.id == topic.id)
      #expect(ExplainTopic.find(Messages.text(topic.title, .zh))?.id == topic.id)
    }
    #expect(ExplainTopic.find("写时复制")?.id == "copy-on-write")
    #expect(ExplainTopic.find("标签")?.id == "tag")
    #expect(ExplainTopic.find("nothing") == nil)
  }

  @Test func explainOneTopicInEnglish() {
    let expected = """
      copy-on-write
        When a container changes a file from a read-only layer, the file is first
        copied up into the container's writable layer and changed there. The read-only
        original still exists, hidden by the copy.
        Try it, one line at a time:
          trace on
          docker run -it ubuntu:18.04
          echo hi >> /etc/issue
          whence /etc/issue

      """
    #expect(ExplainText.topic(ExplainTopic.find("copy-on-write")!, language: .en, width: 80) == expected)
  }

  @Test func explainOneTopicInChineseWrapsByDisplayWidth() {
    let text = ExplainText.topic(ExplainTopic.find("rootfs")!, language: .zh, width: 40)
    let expected = """
      根文件系统（rootfs）
        rootfs 是 bootfs 之上的操作系统根文件
        系统（如 ubuntu、centos）。传统 Linux
        启动时先以只读方式挂载，自检后再重新挂
        载为读写。按课文的模型，Docker 不会重
        新挂载它：镜像的各层始终只读，容器的根
        目录只通过最上面的可读写层（容器层）才
        能写入。
        动手试试（每行输入一条命令）：
          layers ubuntu:18.04

      """
    #expect(text == expected)
    for line in text.split(separator: "\n") { #expect(DockSimCore.DisplayWidth.of(String(line)) <= 40) }
  }

  @Test func explainList() {
    let list = ExplainText.list(language: .zh)
    let lines = list.split(separator: "\n")
    #expect(lines.count == 21)
    #expect(lines[0] == "主题（explain 主题）：")
    #expect(lines[1] == "  image            镜像")
    #expect(lines[6] == "  copy-on-write    写时复制")
  }
}

@Suite struct TeachingHelpTests {
  @Test func layersHelpInBothLanguages() {
    var english = TeachingFixtures.session(language: .en)
    #expect(TeachingFixtures.run("layers --help", in: &english) == """
      usage: layers [--ascii] IMAGE|CONTAINER

      Draws the layers of an image or container, top to bottom: the container's
      writable layer, each read-only image layer (digest, build step, size, files, the
      image it came from), rootfs and bootfs. In a container's shell the name may be
      left out.

        --ascii   draw with + - | instead of box-drawing characters

      """)
    var chinese = TeachingFixtures.session(language: .zh)
    #expect(TeachingFixtures.run("layers -h", in: &chinese) == """
      用法：layers [--ascii] 镜像|容器

      从上到下画出镜像或容器的分层：容器的可读写层、每个只读镜像层（摘要、构建步骤、大
      小、文件数、所属镜像）、rootfs 和 bootfs。在容器的 shell 里可以省略名字。

        --ascii   用 + - | 代替制表符画框

      """)
  }

  @Test(arguments: ["layers", "trace", "whence", "tree", "explain", "lang"]) func everyCommandHasHelp(name: String) {
    var session = TeachingFixtures.session()
    var console = Console()
    #expect(session.execute("\(name) --help", console: &console) == 0)
    #expect(console.stdoutText.hasPrefix("usage: \(name)"))
    #expect(console.stderrText.isEmpty)
  }

  @Test func unknownOptionIsAnError() {
    var session = TeachingFixtures.session()
    var console = Console()
    #expect(session.execute("layers --fancy ubuntu:18.04", console: &console) == 2)
    #expect(console.stderrText == "layers: unknown option: --fancy\n")
  }
}

@Suite struct TeachingTerminalTests {
  @Test func colourOnATerminalOnly() {
    var session = TeachingFixtures.session()
    var colourTerminal = TerminalTraits.terminal
    colourTerminal.color = true
    let coloured = TeachingFixtures.run("layers ubuntu:18.04", in: &session, traits: colourTerminal)
    #expect(coloured.contains("\u{1B}[36mlayer 1  8a47e03c9057  read-only"))
    var piped = colourTerminal
    piped.stdoutIsTerminal = false
    #expect(!TeachingFixtures.run("layers ubuntu:18.04", in: &session, traits: piped).contains("\u{1B}["))
  }

  @Test func asciiWhenTheTerminalCannotShowBoxDrawing() {
    var session = TeachingFixtures.session()
    var latin = TerminalTraits.terminal
    latin.unicode = false
    let text = TeachingFixtures.run("layers ubuntu:18.04", in: &session, traits: latin)
    #expect(text.hasPrefix("+- docksim: the layers of image ubuntu:18.04 ---"))
    #expect(!text.contains("│"))
  }

  @Test func narrowTerminalNarrowsTheDiagram() {
    var session = TeachingFixtures.session(language: .zh)
    var narrow = TerminalTraits.terminal
    narrow.width = 50
    let text = TeachingFixtures.run("layers nginx-emacs", in: &session, traits: narrow)
    let lines = text.split(separator: "\n")
    for line in lines.dropLast() { #expect(DockSimCore.DisplayWidth.of(String(line)) == 50, "\(line)") }
  }

  @Test func whenceOfAPathAnImageLayerDeleted() {
    var english = TeachingFixtures.session(language: .en)
    #expect(TeachingFixtures.run("whence emacs /opt/app/README", in: &english)
      == "/opt/app/README was deleted: a whiteout in layer 2 (emacs:latest) hides the version in layer 1 (ubuntu:18.04)\n")
    var chinese = TeachingFixtures.session(language: .zh)
    #expect(TeachingFixtures.run("whence emacs /opt/app/README", in: &chinese)
      == "/opt/app/README 已被删除：第 2 层（emacs:latest）中的 whiteout 隐藏了第 1 层（ubuntu:18.04）中的版本\n")
  }
}
