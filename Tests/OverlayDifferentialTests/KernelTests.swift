import Testing

/// The kernel side on its own: the recorded results are what the kernel does today,
/// and the runner's pieces behave.
@Suite struct KernelTests {
  @Test(
    .enabled(if: KernelRunner.isAvailable, Comment(rawValue: KernelRunner.skipMessage)),
    arguments: Scenarios.all)
  func recordingMatchesKernel(_ scenario: Scenario) throws {
    let live = try KernelRunner.run(scenario)
    guard let recorded = KernelRecord.recorded(scenario) else {
      Issue.record("\(scenario.id) has no kernel recording: regenerate with DOCKSIM_RECORD_KERNEL=1")
      return
    }
    for mismatch in recorded.mismatches(against: live, scenario: scenario.id, sides: ("recorded", "live kernel")) {
      Issue.record("kernel recording out of date (regenerate with DOCKSIM_RECORD_KERNEL=1): \(mismatch)")
    }
  }

  /// Only when asked: DOCKSIM_RECORD_KERNEL=1 rewrites KernelResults/.
  @Test(.enabled(if: KernelRecord.recordingRequested && KernelRunner.isAvailable))
  func recordKernelResults() throws {
    let results = try Scenarios.all.map { ($0, try KernelRunner.run($0)) }
    try KernelRecord.write(results, kernel: KernelRecord.kernelRelease)
  }

  @Test func scenarioIdentifiersAreUnique() {
    let ids = Scenarios.all.map(\.id)
    #expect(Set(ids).count == ids.count)
    #expect(ids.count >= 40)
  }

  @Test func recordedTextRoundTrips() throws {
    for scenario in Scenarios.all {
      guard let text = KernelRecord.recordedText(scenario.id) else { continue }
      let parsed = try #require(ScenarioResult(text: text), "\(scenario.id) recording does not parse")
      #expect(parsed.text == text, "\(scenario.id)")
    }
  }

  @Test func mismatchesAreReportedFieldByField() throws {
    let recorded = try #require(KernelRecord.recordedText("S01").flatMap(ScenarioResult.init(text:)))
    var changed = recorded
    changed.merged["/etc/motd"]?["mtime"] = "2019-06-01T12:00:00Z"
    changed.upper["/etc/motd"] = nil
    changed.diff.remove("C /etc")
    changed.outcomes[0].status = 1
    let found = recorded.mismatches(against: changed, scenario: "S01").map(\.description)
    #expect(
      found == [
        "S01 op 1 echo x >> /etc/motd status: kernel 0 | docksim 1",
        "S01 merged /etc/motd mtime: kernel now | docksim 2019-06-01T12:00:00Z",
        "S01 upper /etc/motd exists: kernel yes | docksim no",
        "S01 diff C /etc line: kernel has it | docksim missing",
      ])
  }

  @Test func absolutePathsMoveUnderTheMountPoint() {
    #expect(KernelRunner.rooted("echo x >> /etc/motd", root: "/m") == "echo x >> /m/etc/motd")
    #expect(KernelRunner.rooted("ln -s /x/y /etc/l", root: "/m") == "ln -s /x/y /m/etc/l")
    #expect(KernelRunner.rooted("ln -sf ../etc/hosts /etc/l", root: "/m") == "ln -sf ../etc/hosts /m/etc/l")
    #expect(KernelRunner.rooted("ln /bin/a /bin/b", root: "/m") == "ln /m/bin/a /m/bin/b")
    #expect(KernelRunner.rooted("echo 'a b' >/f", root: "/m") == "echo 'a b' >/m/f")
    #expect(KernelRunner.rooted("touch -t 201907010000.00 /f", root: "/m") == "touch -t 201907010000.00 /m/f")
  }
}
