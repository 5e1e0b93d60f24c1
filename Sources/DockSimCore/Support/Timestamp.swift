/// A point in simulated time: nanoseconds since the Unix epoch, UTC.
///
/// The core never reads the real clock. Time starts where the session says
/// (`--clock`, a lesson's front matter) and moves only when something takes time.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Whole seconds since the epoch (negative before 1970; Go's zero time is year 1).
  public private(set) var seconds: Int64
  /// 0 ..< 1_000_000_000.
  public private(set) var nanosecondOfSecond: Int64

  public init(seconds: Int64, nanoseconds: Int64 = 0) {
    self.seconds = seconds + nanoseconds.floorDiv(1_000_000_000)
    self.nanosecondOfSecond = nanoseconds.floorMod(1_000_000_000)
  }

  /// 0001-01-01T00:00:00Z, Go's zero time, which Docker prints for "never".
  public static let goZero = Timestamp(seconds: -62_135_596_800)

  public func adding(_ duration: Duration) -> Timestamp {
    Timestamp(seconds: seconds, nanoseconds: nanosecondOfSecond + duration.nanoseconds)
  }

  /// The time from `earlier` to `self`.
  public func since(_ earlier: Timestamp) -> Duration {
    Duration(nanoseconds: (seconds - earlier.seconds) * 1_000_000_000 + nanosecondOfSecond - earlier.nanosecondOfSecond)
  }

  public static func < (a: Timestamp, b: Timestamp) -> Bool {
    (a.seconds, a.nanosecondOfSecond) < (b.seconds, b.nanosecondOfSecond)
  }

  public var description: String { rfc3339(fractionDigits: 9, trimZeros: true) }

  /// The civil date and time (UTC) of this instant.
  public var civil: CivilTime { CivilTime(secondsSinceEpoch: seconds) }

  /// RFC 3339 in UTC, as Go's `time.RFC3339Nano` prints it when `trimZeros`
  /// (trailing zeros of the fraction dropped, no fraction when zero).
  public func rfc3339(fractionDigits: Int = 0, trimZeros: Bool = false) -> String {
    let c = civil
    var text = "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))"
    if fractionDigits > 0 {
      var fraction = pad(Int(nanosecondOfSecond), 9)
      fraction = String(fraction.prefix(fractionDigits))
      if trimZeros { while fraction.hasSuffix("0") { fraction.removeLast() } }
      if !fraction.isEmpty { text += "." + fraction }
    }
    return text + "Z"
  }

  /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`.
  public init?(iso8601 text: String) {
    let chars = Array(text)
    func number(_ from: Int, _ count: Int) -> Int? {
      guard from + count <= chars.count else { return nil }
      return Int(String(chars[from..<(from + count)]))
    }
    guard chars.count >= 20, chars[4] == "-", chars[7] == "-", chars[10] == "T" || chars[10] == " ",
      chars[13] == ":", chars[16] == ":",
      let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
      let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
      (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
    else { return nil }
    var index = 19
    var nanos: Int64 = 0
    if index < chars.count, chars[index] == "." {
      index += 1
      var digits = ""
      while index < chars.count, chars[index].isNumber { digits.append(chars[index]); index += 1 }
      guard !digits.isEmpty, digits.count <= 9 else { return nil }
      nanos = Int64(digits.padding(toLength: 9, withPad: "0", startingAt: 0)) ?? 0
    }
    var offset = 0
    let rest = String(chars[index...])
    if rest == "Z" {
      offset = 0
    } else if rest.count == 6, let sign = rest.first, sign == "+" || sign == "-",
      let h = Int(rest.dropFirst().prefix(2)), let m = Int(rest.suffix(2)), rest.dropFirst(3).first == ":"
    {
      offset = (h * 3600 + m * 60) * (sign == "-" ? -1 : 1)
    } else {
      return nil
    }
    let days = CivilTime.daysFromCivil(year: year, month: month, day: day)
    let secs = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offset)
    self.init(seconds: secs, nanoseconds: nanos)
  }
}

/// A span of simulated time.
public struct Duration: Hashable, Comparable, Sendable {
  public var nanoseconds: Int64
  public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }
  public static func seconds(_ s: Int64) -> Duration { Duration(nanoseconds: s * 1_000_000_000) }
  public static func milliseconds(_ ms: Int64) -> Duration { Duration(nanoseconds: ms * 1_000_000) }
  public static func minutes(_ m: Int64) -> Duration { .seconds(m * 60) }
  public static func hours(_ h: Int64) -> Duration { .seconds(h * 3600) }
  public static func days(_ d: Int64) -> Duration { .seconds(d * 86_400) }
  public var seconds: Double { Double(nanoseconds) / 1e9 }
  public static func < (a: Duration, b: Duration) -> Bool { a.nanoseconds < b.nanoseconds }
  public static func + (a: Duration, b: Duration) -> Duration { Duration(nanoseconds: a.nanoseconds + b.nanoseconds) }
}

/// A UTC calendar date and time, by the proleptic Gregorian calendar.
public struct CivilTime: Hashable, Sendable {
  public var year, month, day, hour, minute, second: Int
  /// 0 = Sunday.
  public var weekday: Int

  public init(secondsSinceEpoch: Int64) {
    let days = secondsSinceEpoch.floorDiv(86_400)
    let secondOfDay = Int(secondsSinceEpoch - days * 86_400)
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468
    let era = z.floorDiv(146_097)
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    year = Int(yoe + era * 400 + (m <= 2 ? 1 : 0))
    month = Int(m)
    day = Int(d)
    hour = secondOfDay / 3600
    minute = secondOfDay % 3600 / 60
    second = secondOfDay % 60
    weekday = Int((days + 4).floorMod(7))
  }

  /// Days since 1970-01-01 of a civil date (Hinnant's days_from_civil).
  public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = month > 2 ? month - 3 : month + 9
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }
}

func pad(_ value: Int, _ width: Int) -> String {
  let text = String(value)
  return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}

extension Int64 {
  func floorDiv(_ d: Int64) -> Int64 { let q = self / d; return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q }
  func floorMod(_ d: Int64) -> Int64 { self - floorDiv(d) * d }
}
