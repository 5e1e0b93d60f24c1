import Testing
@testable import DockSimCore

@Suite struct DigestTests {
  @Test func sha256OfABC() {
    #expect(Digest.sha256("abc").hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }
  @Test func shortIsTwelveHex() {
    #expect(Digest.sha256("abc").short == "ba7816bf8f01")
  }
}

@Suite struct TimestampTests {
  @Test func rfc3339RoundTrip() throws {
    let t = try #require(Timestamp(iso8601: "2020-03-20T19:20:22.835345724Z"))
    #expect(t.rfc3339(fractionDigits: 9, trimZeros: true) == "2020-03-20T19:20:22.835345724Z")
    #expect(t.civil.weekday == 5)
  }
  @Test func offsetsAreApplied() throws {
    let t = try #require(Timestamp(iso8601: "2020-01-15T18:00:00+08:00"))
    #expect(t == SimClock.defaultStart)
  }
  @Test func goZeroTime() {
    #expect(Timestamp.goZero.rfc3339() == "0001-01-01T00:00:00Z")
  }
}
