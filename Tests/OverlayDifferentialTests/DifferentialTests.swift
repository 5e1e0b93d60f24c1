import Testing

/// The differential test of issue 3: every scenario on docksim, compared with the real
/// kernel overlayfs's recorded results (KernelTests checks, where this process may mount
/// overlayfs, that the recording is what the kernel does): merged tree, writable layer,
/// docker diff, and each operation's status and output.
@Suite struct DifferentialTests {
  @Test(arguments: DocksimRunner.Route.allCases, Scenarios.all)
  func docksimMatchesKernel(_ route: DocksimRunner.Route, _ scenario: Scenario) {
    guard let kernel = KernelRecord.recorded(scenario) else {
      Issue.record("\(scenario.id) has no kernel recording: regenerate as root with DOCKSIM_RECORD_KERNEL=1")
      return
    }
    let docksim = DocksimRunner.run(scenario, via: route)
    let mismatches = kernel.mismatches(against: docksim, scenario: "\(scenario.id) [\(route)]")
    if let reason = scenario.knownIssues[route] {
      withKnownIssue(Comment(rawValue: reason)) { report(mismatches) }
    } else {
      report(mismatches)
    }
  }

  private func report(_ mismatches: [Mismatch]) {
    for mismatch in mismatches { Issue.record(Comment(rawValue: mismatch.description)) }
  }
}
