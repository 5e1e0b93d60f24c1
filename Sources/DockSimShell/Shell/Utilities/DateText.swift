import DockSimCore

/// The dates `touch -t`, `touch -d` and `date -d` read, in the container's zone (UTC),
/// relative to the simulated clock.
enum DateText {
  /// `touch -t [[CC]YY]MMDDhhmm[.ss]` (coreutils' posixtime): a two-digit year 69-99 is
  /// 19YY, 00-68 is 20YY; without a year, the current one. Seconds may be 60 (a leap
  /// second, which lands on the next minute).
  static func posix(_ text: String, now: Timestamp) -> Timestamp? {
    let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let main = parts[0]
    guard main.allSatisfy(\.isASCIIDigit), [8, 10, 12].contains(main.count) else { return nil }
    var second = 0
    if parts.count == 2 {
      guard parts[1].count == 2, let value = Int(parts[1]), parts[1].allSatisfy(\.isASCIIDigit), value <= 60
      else { return nil }
      second = value
    }
    let digits = main.compactMap(\.wholeNumberValue)
    func number(_ at: Int, _ count: Int) -> Int { digits[at..<(at + count)].reduce(0) { $0 * 10 + $1 } }
    let yearDigits = main.count - 8
    var year = now.civil.year
    if yearDigits == 4 {
      year = number(0, 4)
    } else if yearDigits == 2 {
      let yy = number(0, 2)
      year = yy >= 69 ? 1900 + yy : 2000 + yy
    }
    let fields = (
      month: number(yearDigits, 2), day: number(yearDigits + 2, 2), hour: number(yearDigits + 4, 2),
      minute: number(yearDigits + 6, 2)
    )
    guard valid(year: year, month: fields.month, day: fields.day), fields.hour < 24, fields.minute < 60 else {
      return nil
    }
    return timestamp(year: year, month: fields.month, day: fields.day, seconds: fields.hour * 3600 + fields.minute * 60 + second)
  }

  /// `touch -d` / `date -d`: the common forms of GNU's free-format dates:
  /// `@SECONDS`, `2019-07-01`, `2019-07-01 10:00[:00]`, `2019-07-01T10:00:00Z`,
  /// `Jul 1 2019`, `1 July 2019 10:00`, `Mon Jul  1 10:00:00 UTC 2019` (date's own
  /// output), `10:30`, `now`, `today`, `yesterday`, `tomorrow`, `next week`,
  /// `3 days ago`, `+2 hours`, and combinations of these. A date with no time is
  /// midnight; a time with no date is today's.
  static func free(_ text: String, now: Timestamp) -> Timestamp? {
    var reader = FreeDate(tokens: tokenize(text))
    guard reader.read() else { return nil }
    // An empty date is today's midnight.
    if reader.tokens.isEmpty { reader.time = (0, 0) }
    return reader.resolve(now: now)
  }

  static func valid(year: Int, month: Int, day: Int) -> Bool {
    guard (1...12).contains(month), day >= 1 else { return false }
    return day <= daysIn(year: year, month: month)
  }

  static func daysIn(year: Int, month: Int) -> Int {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
  }

  static func timestamp(year: Int, month: Int, day: Int, seconds: Int) -> Timestamp {
    let days = CivilTime.daysFromCivil(year: year, month: month, day: day)
    return Timestamp(seconds: Int64(days) * 86_400 + Int64(seconds))
  }

  /// Numbers, words and single punctuation marks; spaces separate.
  static func tokenize(_ text: String) -> [String] {
    var tokens: [String] = []
    var current = ""
    var currentIsDigits = false
    func flush() {
      if !current.isEmpty { tokens.append(current) }
      current = ""
    }
    for ch in text.lowercased() {
      if ch.isASCIIDigit || ch.isLetter {
        if !current.isEmpty && ch.isASCIIDigit != currentIsDigits { flush() }
        currentIsDigits = ch.isASCIIDigit
        current.append(ch)
      } else {
        flush()
        if !ch.isWhitespace { tokens.append(String(ch)) }
      }
    }
    flush()
    return tokens
  }
}

/// The items of a free-format date, read left to right as GNU's grammar does.
private struct FreeDate {
  var tokens: [String]
  var position = 0
  var date: (year: Int?, month: Int, day: Int)?
  var time: (seconds: Int, nanoseconds: Int64)?
  var zoneOffset = 0
  var epoch: Timestamp?
  var weekday: Int?
  var relative = (months: 0, days: 0, seconds: 0)

  static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
  static let weekdays = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
  static let units: [String: (months: Int, days: Int, seconds: Int)] = [
    "year": (12, 0, 0), "month": (1, 0, 0), "fortnight": (0, 14, 0), "week": (0, 7, 0), "day": (0, 1, 0),
    "hour": (0, 0, 3600), "minute": (0, 0, 60), "min": (0, 0, 60), "second": (0, 0, 1), "sec": (0, 0, 1),
  ]

  var peek: String? { position < tokens.count ? tokens[position] : nil }
  func peek(_ offset: Int) -> String? { position + offset < tokens.count ? tokens[position + offset] : nil }
  mutating func next() -> String? {
    defer { position += 1 }
    return peek
  }

  /// False when something is not understood (GNU: "invalid date").
  mutating func read() -> Bool {
    if peek == "@" { return readEpoch() }
    while let token = peek {
      let ok: Bool
      if let first = token.first, first.isASCIIDigit {
        ok = readNumberItem()
      } else if token == "+" || token == "-" {
        ok = readSignedItem()
      } else if token == "," || token == "." {
        position += 1
        ok = true
      } else {
        ok = readWord()
      }
      guard ok else { return false }
    }
    return true
  }

  private mutating func readEpoch() -> Bool {
    position += 1
    var sign: Int64 = 1
    if peek == "-" || peek == "+" { sign = next() == "-" ? -1 : 1 }
    guard let digits = next(), let seconds = Int64(digits) else { return false }
    var nanoseconds: Int64 = 0
    if peek == "." || peek == "," {
      position += 1
      guard let fraction = next(), fraction.allSatisfy(\.isASCIIDigit) else { return false }
      nanoseconds = Self.nanoseconds(fraction)
    }
    guard peek == nil else { return false }
    epoch = Timestamp(seconds: sign * seconds, nanoseconds: sign * nanoseconds)
    return true
  }

  private mutating func readNumberItem() -> Bool {
    let number = next()!
    if peek == "-", let month = peek(1), Int(month) != nil, peek(2) == "-", let day = peek(3), Int(day) != nil {
      position += 4
      guard date == nil else { return false }
      date = (Int(number), Int(month)!, Int(day)!)
      if peek == "t", let hour = peek(1), Int(hour) != nil, peek(2) == ":" {
        position += 1
      }
      return true
    }
    if peek == ":" { return readTime(hour: number) }
    if let word = peek, let unit = Self.unit(word) {
      position += 1
      return addRelative(Int(number) ?? 0, unit)
    }
    if let word = peek, let month = Self.month(word), date == nil {
      // `1 Jul 2019`
      position += 1
      date = (nil, month, Int(number) ?? 0)
      if let year = peek, year.count == 4, let value = Int(year) {
        position += 1
        date!.year = value
      }
      return true
    }
    if let existing = date, existing.year == nil, number.count == 4 {
      date!.year = Int(number)
      return true
    }
    if number.count >= 5, date == nil, let value = Int(number) {
      // `20190701`: YYYYMMDD.
      date = (value / 10_000, value / 100 % 100, value % 100)
      return true
    }
    if date != nil, time == nil, number.count <= 4, let value = Int(number) {
      // `2019-07-01 1030`: hhmm.
      time = ((number.count <= 2 ? value * 3600 : value / 100 * 3600 + value % 100 * 60), 0)
      return value / 100 < 24 && value % 100 < 60
    }
    return false
  }

  private mutating func readTime(hour: String) -> Bool {
    guard time == nil, let h = Int(hour) else { return false }
    position += 1
    guard let minuteText = next(), let m = Int(minuteText) else { return false }
    var s = 0
    var nanoseconds: Int64 = 0
    if peek == ":" {
      position += 1
      guard let secondText = next(), let value = Int(secondText) else { return false }
      s = value
      if peek == "." || peek == ",", let fraction = peek(1), fraction.allSatisfy(\.isASCIIDigit) {
        position += 2
        nanoseconds = Self.nanoseconds(fraction)
      }
    }
    var hours = h
    if let meridian = peek, meridian == "am" || meridian == "pm" {
      position += 1
      guard (1...12).contains(h) else { return false }
      hours = h % 12 + (meridian == "pm" ? 12 : 0)
    }
    guard hours < 24, m < 60, s <= 60 else { return false }
    time = (hours * 3600 + m * 60 + s, nanoseconds)
    if peek == "z" {
      position += 1
    } else if peek == "+" || peek == "-", let offset = peek(1), offset.allSatisfy(\.isASCIIDigit), date != nil {
      return readZoneOffset()
    }
    return true
  }

  private mutating func readZoneOffset() -> Bool {
    let sign = next() == "-" ? -1 : 1
    guard let first = next(), let value = Int(first) else { return false }
    var hours = value
    var minutes = 0
    if first.count == 4 {
      hours = value / 100
      minutes = value % 100
    } else if peek == ":", let more = peek(1), let m = Int(more) {
      position += 2
      minutes = m
    }
    guard hours <= 24, minutes < 60 else { return false }
    zoneOffset = sign * (hours * 3600 + minutes * 60)
    return true
  }

  private mutating func readSignedItem() -> Bool {
    let sign = next() == "-" ? -1 : 1
    guard let number = next(), let value = Int(number) else { return false }
    guard let word = peek, let unit = Self.unit(word) else {
      // `+0200` after a time is a zone.
      guard time != nil else { return false }
      position -= 2
      return readZoneOffset()
    }
    position += 1
    return addRelative(sign * value, unit)
  }

  private mutating func readWord() -> Bool {
    let word = next()!
    switch word {
    case "now", "today", "this": return true
    case "yesterday": return addRelative(-1, (0, 1, 0))
    case "tomorrow": return addRelative(1, (0, 1, 0))
    case "utc", "gmt", "z", "ut": return true
    case "ago":
      relative = (-relative.months, -relative.days, -relative.seconds)
      return true
    case "next", "last":
      guard let unitWord = peek, let unit = Self.unit(unitWord) else { return false }
      position += 1
      return addRelative(word == "next" ? 1 : -1, unit)
    case "t":
      return true
    default:
      break
    }
    if let unit = Self.unit(word) { return addRelative(1, unit) }
    if let month = Self.month(word) {
      guard date == nil else { return false }
      date = (nil, month, 1)
      if let day = peek, day.count <= 2, let value = Int(day) {
        position += 1
        date!.day = value
        if peek == "," { position += 1 }
        if let year = peek, year.count == 4, let value = Int(year), peek(1) != ":" {
          position += 1
          date!.year = value
        }
      }
      return true
    }
    if let day = Self.weekdays.firstIndex(where: { word.hasPrefix($0) && Self.weekdayNames[$0]!.hasPrefix(word) }) {
      weekday = day
      return true
    }
    return false
  }

  static let weekdayNames = [
    "sun": "sunday", "mon": "monday", "tue": "tuesday", "wed": "wednesday", "thu": "thursday", "fri": "friday",
    "sat": "saturday",
  ]
  static let monthNames = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
  ]

  static func month(_ word: String) -> Int? {
    guard word.count >= 3, let index = monthNames.firstIndex(where: { $0.hasPrefix(word) }) else { return nil }
    return index + 1
  }

  static func unit(_ word: String) -> (months: Int, days: Int, seconds: Int)? {
    if let unit = units[word] { return unit }
    if word.hasSuffix("s"), let unit = units[String(word.dropLast())] { return unit }
    return nil
  }

  static func nanoseconds(_ fraction: String) -> Int64 {
    let nine = String((fraction + "000000000").prefix(9))
    return Int64(nine) ?? 0
  }

  private mutating func addRelative(_ count: Int, _ unit: (months: Int, days: Int, seconds: Int)) -> Bool {
    relative.months += count * unit.months
    relative.days += count * unit.days
    relative.seconds += count * unit.seconds
    return true
  }

  /// Absolute items first (missing fields from `now`), then relative months (day
  /// overflow rolls into the next month, as mktime does), days and seconds.
  func resolve(now: Timestamp) -> Timestamp? {
    if let epoch { return epoch }
    let today = now.civil
    var year = today.year
    var month = today.month
    var day = today.day
    var seconds = today.hour * 3600 + today.minute * 60 + today.second
    var nanoseconds = date == nil && time == nil ? now.nanosecondOfSecond : 0
    if let date {
      year = date.year ?? today.year
      if let given = date.year, given < 100 { year = given >= 69 ? 1900 + given : 2000 + given }
      guard DateText.valid(year: year, month: date.month, day: date.day) else { return nil }
      month = date.month
      day = date.day
      seconds = 0
    }
    if let time {
      seconds = time.seconds
      nanoseconds = time.nanoseconds
    }
    if date == nil, time == nil, weekday != nil { seconds = 0 }
    let totalMonths = year * 12 + (month - 1) + relative.months
    year = totalMonths.floorDivided(by: 12)
    month = totalMonths - year * 12 + 1
    var days = CivilTime.daysFromCivil(year: year, month: month, day: 1) + day - 1
    if let weekday, date == nil {
      let current = ((days + 4) % 7 + 7) % 7
      days += (weekday - current + 7) % 7
    }
    days += relative.days
    let total = Int64(days) * 86_400 + Int64(seconds - zoneOffset + relative.seconds)
    return Timestamp(seconds: total, nanoseconds: nanoseconds)
  }
}

extension Int {
  fileprivate func floorDivided(by d: Int) -> Int { self >= 0 ? self / d : -((-self + d - 1) / d) }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
