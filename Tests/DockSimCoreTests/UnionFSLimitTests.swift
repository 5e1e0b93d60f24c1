import Testing

@testable import DockSimCore

/// Issue 9's limits through the filesystem API: Linux's NAME_MAX, PATH_MAX and 40
/// symlink hops, docksim's file-size and writable-layer budgets, and trees as deep as
/// PATH_MAX allows, walked without deep recursion.
@Suite struct UnionFSLimitTests {
  let t = Fixture.t1

  func zeros(_ count: Int) -> FileData {
    var data = FileData()
    data.truncate(to: count)
    return data
  }

  @Test func namesAndPathsAreBounded() throws {
    var fs = Fixture.container()
    try fs.mkdir("/" + String(repeating: "n", count: 255), at: t)
    #expect(throws: FSError.nameTooLong) { try fs.mkdir("/" + String(repeating: "n", count: 256), at: t) }
    #expect(throws: FSError.nameTooLong) { try fs.writeFile("/" + String(repeating: "é", count: 128), FileData("x"), at: t) }
    let longest = "/" + String(repeating: "p", count: 254)
    var path = ""
    while path.utf8.count + longest.utf8.count <= ContainerFS.maxPathLength { path += longest }
    #expect(throws: FSError.noSuchFile) { try fs.stat(path) }
    #expect(throws: FSError.nameTooLong) { try fs.stat(path + "/" + String(repeating: "q", count: 4096 - path.utf8.count - 1)) }
  }

  @Test func tenThousandComponentsAnswerAtOnce() {
    var fs = Fixture.container()
    let path = String(repeating: "/a", count: 10_000)
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      #expect(throws: FSError.nameTooLong) { try fs.stat(path) }
      #expect(throws: FSError.nameTooLong) { try fs.mkdir(path, at: t) }
      #expect(throws: FSError.nameTooLong) { try fs.stat(String(repeating: "./", count: 10_000)) }
    }
    #expect(elapsed < .seconds(1))
  }

  @Test func symlinkLoopsStopAfterFortyHops() throws {
    var fs = Fixture.container()
    try fs.symlink("/b", at: "/a", time: t)
    try fs.symlink("/a", at: "/b", time: t)
    #expect(throws: FSError.tooManySymlinks) { try fs.readFile("/a") }
    #expect(throws: FSError.tooManySymlinks) { try fs.writeFile("/a", FileData("x"), at: t) }
    try fs.writeFile("/f", FileData("end\n"), at: t)
    try fs.symlink("f", at: "/l0", time: t)
    for hop in 1...40 { try fs.symlink("l\(hop - 1)", at: "/l\(hop)", time: t) }
    #expect(try fs.readFile("/l39").text == "end\n")
    #expect(throws: FSError.tooManySymlinks) { try fs.readFile("/l40") }
    #expect(try fs.lstat("/l40").kind == .symlink)
  }

  @Test func symlinksCannotLeadPastPathMax() throws {
    var fs = Fixture.container()
    var deep = ""
    while deep.utf8.count + 200 < ContainerFS.maxPathLength {
      deep += "/" + String(repeating: "d", count: 99)
      try fs.mkdir(deep, at: t)
    }
    try fs.symlink(deep, at: "/s", time: t)
    #expect(throws: FSError.nameTooLong) { try fs.mkdir("/s/" + String(repeating: "x", count: 250), at: t) }
    try fs.mkdir("/s/ok", at: t)
    // A rename may not push a tree's paths past PATH_MAX either.
    try fs.mkdir("/t", at: t)
    try fs.mkdir("/t/" + String(repeating: "y", count: 200), at: t)
    #expect(throws: FSError.nameTooLong) { try fs.rename("/t", deep + "/t", at: t) }
    #expect(fs.exists("/t/" + String(repeating: "y", count: 200)))
  }

  @Test func filesHaveAMaximumSize() throws {
    var fs = Fixture.container()
    try fs.writeFile("/big", zeros(ContainerFS.maxFileSize), at: t)
    #expect(throws: FSError.fileTooLarge) { try fs.writeFile("/big", FileData("x"), append: true, at: t) }
    #expect(throws: FSError.fileTooLarge) { try fs.truncate("/big", to: ContainerFS.maxFileSize + 1, at: t) }
    #expect(throws: FSError.fileTooLarge) { try fs.writeFile("/other", zeros(ContainerFS.maxFileSize + 1), at: t) }
    #expect(!fs.exists("/other"))
    try fs.truncate("/big", to: 10, at: t)
    #expect(try fs.stat("/big").size == 10)
  }

  @Test func theWritableLayerHasABudget() throws {
    var fs = Fixture.container()
    let half = ContainerFS.writableLayerBudget / 2
    try fs.writeFile("/a", zeros(half), at: t)
    try fs.writeFile("/b", zeros(half), at: t)
    #expect(fs.upper.fileBytes == ContainerFS.writableLayerBudget)
    #expect(throws: FSError.noSpace) { try fs.writeFile("/c", FileData("x"), at: t) }
    let before = fs.upper
    // A lower file is not even copied up when its write cannot fit (a failed call changes nothing).
    #expect(throws: FSError.noSpace) { try fs.writeFile("/etc/motd", FileData("x"), append: true, at: t) }
    #expect(fs.upper == before)
    // Hard links share an inode: no more space. Removing a file frees its space.
    try fs.link("/a", "/a2", at: t)
    #expect(fs.upper.fileBytes == ContainerFS.writableLayerBudget)
    try fs.unlink("/a", at: t)
    #expect(fs.upper.fileBytes == ContainerFS.writableLayerBudget)
    try fs.unlink("/a2", at: t)
    try fs.writeFile("/c", FileData("x"), at: t)
    #expect(fs.upper.fileBytes == half + 1)
  }

  @Test func deepTreesAreWalkedDiffedCommittedAndRemoved() throws {
    var fs = Fixture.container()
    var path = ""
    var depth = 0
    // 700 levels keep the test quick (resolving a path costs its length per level);
    // PATH_MAX itself stops a tree at 2,047 levels of one-letter names.
    while depth < 700 {
      path += "/a"
      depth += 1
      try fs.mkdir(path, at: t)
    }
    try fs.writeFile(path + "/f", FileData("x"), at: t)
    #expect(throws: FSError.nameTooLong) { try fs.mkdir(path + String(repeating: "/b", count: 1400), at: t) }
    #expect(fs.walk(from: "/a").count == depth + 1)
    #expect(fs.changes().count == depth + 1)
    let layer = fs.commit()
    #expect(layer.contents.walkOrder.count == depth + 1)
    let view = MergedView(layers: Fixture.image.layers + [layer])
    #expect(view.node(path + "/f") != nil)
    try fs.removeTree("/a", at: t)
    #expect(fs.changes().isEmpty)
  }
}
