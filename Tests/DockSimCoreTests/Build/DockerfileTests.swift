import Testing

@testable import DockSimCore

@Suite struct DockerfileTests {
  @Test func continuationsCommentsAndForms() throws {
    let text = """
      # escape=\\
      FROM ubuntu:18.04 AS base

      # a comment
      RUN apt-get update && \\
          # a comment inside
          apt-get install -y curl
      CMD ["nginx", "-g", "daemon off;"]
      ENTRYPOINT /bin/echo hi
      ENV A=1 B="two words" C=three\\ words
      ENV LEGACY value with spaces
      COPY ["a b", "/dest/"]
      COPY --chown=1:2 x y /z/

      """
    let plan = try DockerfilePlan.parse(text, version: .v20_10)
    #expect(plan.stepCount == 8)
    let stage = try #require(plan.stages.first)
    #expect(stage.baseName == "ubuntu:18.04" && stage.name == "base")
    #expect(stage.steps[0].original == "RUN apt-get update &&     apt-get install -y curl")
    #expect(stage.steps[0].line == 5)
    #expect(stage.steps[0].instruction == .run(words: ["apt-get update &&     apt-get install -y curl"], shellForm: true))
    #expect(stage.steps[1].instruction == .cmd(words: ["nginx", "-g", "daemon off;"], shellForm: false))
    #expect(stage.steps[2].instruction == .entrypoint(words: ["/bin/echo hi"], shellForm: true))
    #expect(
      stage.steps[3].instruction
        == .env([
          DockerfilePair(name: "A", value: "1"), DockerfilePair(name: "B", value: "\"two words\""),
          DockerfilePair(name: "C", value: "three\\ words"),
        ]))
    #expect(stage.steps[4].instruction == .env([DockerfilePair(name: "LEGACY", value: "value with spaces")]))
    #expect(stage.steps[5].instruction == .copy(add: false, sources: ["a b"], destination: "/dest/", chown: "", from: ""))
    #expect(stage.steps[6].instruction == .copy(add: false, sources: ["x", "y"], destination: "/z/", chown: "1:2", from: ""))
  }

  @Test func expansionRemovesQuotesAndSubstitutes() throws {
    let expansion = DockerfileExpansion(environment: ["A=1", "HOME=/root", "EMPTY="])
    #expect(try expansion.word("\"two words\"") == "two words")
    #expect(try expansion.word("three\\ words") == "three words")
    #expect(try expansion.word("$HOME/x ${A}y '$A'") == "/root/x 1y $A")
    #expect(try expansion.word("${MISSING:-def} ${EMPTY:-e} ${EMPTY-f} ${A:+set} ${MISSING+no}") == "def e  set ")
    #expect(try expansion.word("cost: $ \"$A\\$\"") == "cost: $ 1$")
  }

  @Test func errorsPerVersion() {
    func message(_ text: String, _ version: DockerVersion) -> String {
      do {
        _ = try DockerfilePlan.parse(text, version: version)
        return ""
      } catch { return error.message }
    }
    #expect(message("FROM a\nRUNN x\n", .v20_10) == "dockerfile parse error line 2: unknown instruction: RUNN")
    #expect(message("FROM a\nRUNN x\n", .v28) == "dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)")
    #expect(message("FROM a\nfoo x\n", .v28) == "dockerfile parse error on line 2: unknown instruction: foo (did you mean from?)")
    #expect(message("FROM a\nbogus x\n", .v28) == "dockerfile parse error on line 2: unknown instruction: bogus")
    #expect(message("RUN x\n", .v20_10) == "no build stage in current context")
    #expect(message("\n# nothing\n", .v28) == "file with no instructions")
    #expect(message("FROM a b\n", .v20_10) == "dockerfile parse error line 1: FROM requires either one or three arguments")
    #expect(
      message("FROM a\nCOPY x\n", .v28)
        == "dockerfile parse error on line 2: COPY requires at least two arguments, but only one was provided. Destination could not be determined")
    #expect(message("FROM a\nCOPY --foo=1 x y\n", .v20_10) == "dockerfile parse error line 2: Unknown flag: foo")
    #expect(message("FROM a\nCOPY --foo=1 x y\n", .v28) == "dockerfile parse error on line 2: unknown flag: foo")
    #expect(message("FROM a\nUSER\n", .v20_10) == "dockerfile parse error line 2: USER requires exactly one argument")
    #expect(message("FROM a\nENV A\n", .v20_10) == "ENV must have two arguments")
    #expect(message("FROM a\nSHELL sh -c\n", .v28) == "dockerfile parse error on line 2: SHELL requires the arguments to be in JSON form")
  }

  @Test func contextTarSizeAndIgnore() {
    var context = BuildContext()
    let m = FileMetadata(mode: 0o644, mtime: Timestamp(seconds: 1))
    context.add("Dockerfile", .file(FileData("FROM a\n"), m))
    #expect(context.tarSize == 2048)
    context.add("dir", .directory(m))
    context.add("dir/big", .file(FileData(Array(repeating: 1, count: 513)), m))
    #expect(context.tarSize == 2048 + 512 + 512 + 1024)
    context.add(String(repeating: "n", count: 120), .file(FileData(), m))
    #expect(context.tarSize == 4096 + 1536)
    let ignore = DockerIgnore("# comment\n*.log\nbuild\n!build/keep\n**/tmp\n")
    #expect(ignore.excludes("debug.log"))
    #expect(!ignore.excludes("src/debug.log"))
    #expect(ignore.excludes("build/out"))
    #expect(!ignore.excludes("build/keep"))
    #expect(ignore.excludes("a/b/tmp/x"))
    #expect(!ignore.excludes("main.c"))
  }

  @Test func emptyContinuationWarnings() throws {
    let text = "FROM a\nRUN echo a && \\\n\n    echo b\n"
    let plan = try DockerfilePlan.parse(text, version: .v20_10)
    #expect(plan.emptyContinuations == ["RUN echo a &&     echo b"])
    #expect(
      plan.warningWrites(version: .v20_10) == [
        "[WARNING]: Empty continuation line found in:\n    RUN echo a &&     echo b\n"
          + "[WARNING]: Empty continuation lines will become errors in a future release.\n"
      ])
    #expect(
      plan.warningWrites(version: .v28) == [
        "[WARNING]: Empty continuation line found in: RUN echo a &&     echo b\n",
        "[WARNING]: Empty continuation lines will become errors in a future release.\n",
      ])
  }

  @Test func layerDepthLimit() {
    #expect(LayerDepth.canRegister(onTopOf: 124))
    #expect(!LayerDepth.canRegister(onTopOf: 125))
  }
}
