import Testing
@testable import DockSimCore

/// Every vector of docker-cli-output.md §2 (go-units sizes and durations).
@Suite struct RenderGoUnitsTests {
  static let sizes: [(Double, String, String)] = [
    (1000, "1kB", "1kB"), (1024, "1.024kB", "1.02kB"), (1_000_000, "1MB", "1MB"),
    (1_048_576, "1.049MB", "1.05MB"), (2_000_000, "2MB", "2MB"), (3.42e9, "3.42GB", "3.42GB"),
    (5.372e12, "5.372TB", "5.37TB"), (2.22e15, "2.22PB", "2.22PB"), (1e28, "1e+04YB", "1e+04YB"),
    (0, "0B", "0B"), (1, "1B", "1B"), (999, "999B", "999B"), (1023, "1.023kB", "1.02kB"),
    (1500, "1.5kB", "1.5kB"), (1840, "1.84kB", "1.84kB"), (1843, "1.843kB", "1.84kB"),
    (10000, "10kB", "10kB"), (12345, "12.35kB", "12.3kB"), (99999, "100kB", "100kB"),
    (123_456, "123.5kB", "123kB"), (999_499, "999.5kB", "999kB"), (999_500, "999.5kB", "1e+03kB"),
    (999_999, "1000kB", "1e+03kB"), (5_586_566, "5.587MB", "5.59MB"), (64_200_000, "64.2MB", "64.2MB"),
    (64_248_193, "64.25MB", "64.2MB"), (72_796_455, "72.8MB", "72.8MB"), (101_234_567, "101.2MB", "101MB"),
    (194_400_000, "194.4MB", "194MB"), (194_500_000, "194.5MB", "194MB"), (248_000_000, "248MB", "248MB"),
    (999_500_000, "999.5MB", "1e+03MB"), (1_084_000_000, "1.084GB", "1.08GB"),
    (2_345_678_901, "2.346GB", "2.35GB"),
  ]

  @Test(arguments: sizes.indices) func humanSize(index: Int) {
    let (bytes, four, three) = Self.sizes[index]
    #expect(GoUnits.humanSize(bytes) == four)
    #expect(GoUnits.humanSize(bytes, precision: 3) == three)
  }

  @Test func integerOverloadMatches() {
    #expect(GoUnits.humanSize(Int64(64_248_193), precision: 3) == "64.2MB")
  }

  @Test func bytesSize() {
    let mib = 1024.0 * 1024
    let pib = mib * mib * 1024
    #expect(GoUnits.bytesSize(1024) == "1KiB")
    #expect(GoUnits.bytesSize(mib) == "1MiB")
    #expect(GoUnits.bytesSize(2 * mib) == "2MiB")
    #expect(GoUnits.bytesSize(3.42 * mib * 1024) == "3.42GiB")
    #expect(GoUnits.bytesSize(5.372 * mib * mib) == "5.372TiB")
    #expect(GoUnits.bytesSize(2.22 * pib) == "2.22PiB")
    #expect(GoUnits.bytesSize(pib * pib) == "1.049e+06YiB")
  }

  @Test func formatGEdgeCases() {
    #expect(GoFloat.formatG(0.5, precision: 3) == "0.5")
    #expect(GoFloat.formatG(0.00012345, precision: 3) == "0.000123")
    #expect(GoFloat.formatG(0.000012345, precision: 3) == "1.23e-05")
    #expect(GoFloat.formatG(123456789, precision: 4) == "1.235e+08")
  }

  static let minute: Int64 = 60
  static let hour: Int64 = 3600
  static let day: Int64 = 86400
  static let durations: [(Int64, String)] = [
    (1, "1 second"), (45, "45 seconds"), (46, "46 seconds"), (59, "59 seconds"),
    (60, "About a minute"), (119, "About a minute"), (120, "2 minutes"), (3 * minute, "3 minutes"),
    (35 * minute + 40, "35 minutes"), (45 * minute + 40, "45 minutes"), (46 * minute, "46 minutes"),
    (59 * minute, "59 minutes"), (hour, "About an hour"), (hour + 29 * minute, "About an hour"),
    (hour + 29 * minute + 59, "About an hour"), (hour + 30 * minute, "2 hours"),
    (hour + 31 * minute, "2 hours"), (hour + 59 * minute, "2 hours"), (3 * hour + 29 * minute, "3 hours"),
    (3 * hour + 31 * minute, "4 hours"), (4 * hour, "4 hours"), (24 * hour, "24 hours"),
    (36 * hour, "36 hours"), (47 * hour + 29 * minute, "47 hours"), (47 * hour + 30 * minute, "2 days"),
    (2 * day, "2 days"), (7 * day, "7 days"), (13 * day + 5 * hour, "13 days"),
    (13 * day + 23 * hour + 29 * minute, "13 days"), (13 * day + 23 * hour + 30 * minute, "2 weeks"),
    (18 * day, "2 weeks"), (21 * day, "3 weeks"), (31 * day, "4 weeks"), (30 * day, "4 weeks"),
    (44 * day, "6 weeks"), (59 * day + 23 * hour, "8 weeks"), (60 * day, "2 months"),
    (74 * day, "2 months"), (97 * day, "3 months"), (164 * day, "5 months"), (365 * day, "12 months"),
    (390 * day, "13 months"), (690 * day, "23 months"), (720 * day, "24 months"), (729 * day, "24 months"),
    (730 * day, "2 years"), (734 * day, "2 years"), (3 * 365 * day + 60 * day, "3 years"),
    (5 * 365 * day, "5 years"),
  ]

  @Test(arguments: durations.indices) func humanDuration(index: Int) {
    let (seconds, text) = Self.durations[index]
    #expect(GoUnits.humanDuration(seconds: seconds) == text)
  }

  @Test func lessThanASecond() {
    #expect(GoUnits.humanDuration(nanoseconds: 450_000_000) == "Less than a second")
  }
}
