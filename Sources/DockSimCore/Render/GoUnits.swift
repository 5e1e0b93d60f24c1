/// The size and duration strings of github.com/docker/go-units, as Docker prints them.
///
///     GoUnits.humanSize(64_248_193, precision: 3)   // "64.2MB"  (docker images SIZE)
///     GoUnits.humanSize(1_084_000_000)               // "1.084GB" (docker system df)
///     GoUnits.humanDuration(.seconds(90)) + " ago"   // "About a minute ago"
public enum GoUnits {
  static let decimalUnits = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"]
  static let binaryUnits = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"]

  /// `HumanSizeWithPrecision`: base 1000, `%.<precision>g`, no space (`1.02kB`, `1e+03kB`).
  public static func humanSize(_ size: Double, precision: Int = 4) -> String {
    let (scaled, unit) = sizeAndUnit(size, base: 1000, units: decimalUnits)
    return GoFloat.formatG(scaled, precision: precision) + unit
  }

  /// `HumanSizeWithPrecision` for a byte count.
  public static func humanSize(_ size: Int64, precision: Int = 4) -> String {
    humanSize(Double(size), precision: precision)
  }

  /// `BytesSize`: base 1024, `%.4g` (`1.049e+06YiB`); what `docker stats` uses.
  public static func bytesSize(_ size: Double) -> String {
    let (scaled, unit) = sizeAndUnit(size, base: 1024, units: binaryUnits)
    return GoFloat.formatG(scaled, precision: 4) + unit
  }

  /// go-units' `getSizeAndUnit`: divide until below `base` or out of units.
  static func sizeAndUnit(_ size: Double, base: Double, units: [String]) -> (Double, String) {
    var size = size
    var index = 0
    while size >= base && index < units.count - 1 {
      size /= base
      index += 1
    }
    return (size, units[index])
  }

  /// `HumanDuration` (go-units v0.4.0+): `Less than a second`, `About a minute`, `3 weeks`, ...
  public static func humanDuration(nanoseconds: Int64) -> String {
    let seconds = nanoseconds / 1_000_000_000
    if seconds < 1 { return "Less than a second" }
    if seconds == 1 { return "1 second" }
    if seconds < 60 { return "\(seconds) seconds" }
    let minutes = nanoseconds / 60_000_000_000
    if minutes == 1 { return "About a minute" }
    if minutes < 60 { return "\(minutes) minutes" }
    // Hours are rounded (Go: int(d.Hours() + 0.5)); the years branch truncates instead.
    let exactHours = Double(nanoseconds) / 3_600_000_000_000
    let hours = Int64(exactHours + 0.5)
    if hours == 1 { return "About an hour" }
    if hours < 48 { return "\(hours) hours" }
    if hours < 24 * 7 * 2 { return "\(hours / 24) days" }
    if hours < 24 * 30 * 2 { return "\(hours / 24 / 7) weeks" }
    if hours < 24 * 365 * 2 { return "\(hours / 24 / 30) months" }
    return "\(Int64(exactHours) / 24 / 365) years"
  }

  /// `HumanDuration` of a simulated-clock duration.
  public static func humanDuration(_ duration: Duration) -> String {
    humanDuration(nanoseconds: duration.nanoseconds)
  }

  /// `HumanDuration` of a whole number of seconds.
  public static func humanDuration(seconds: Int64) -> String {
    humanDuration(nanoseconds: seconds * 1_000_000_000)
  }
}

/// Go's `%.<p>g` for non-negative doubles, computed exactly (round half to even on the
/// double's exact binary value, as Go's strconv does), without C's printf.
enum GoFloat {
  static func formatG(_ value: Double, precision: Int) -> String {
    let p = max(precision, 1)
    guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-Inf" : "+Inf") }
    if value == 0 { return "0" }
    if value < 0 { return "-" + formatG(-value, precision: p) }
    guard let exact = ExactDecimal(value) else { return "\(value)" }
    var (digits, exponent) = exact.rounded(significantDigits: p)
    // %g picks the exponent form when the exponent after rounding is < -4 or >= p.
    if exponent < -4 || exponent >= p {
      digits = trimZeros(digits)
      let mantissa = digits.count > 1 ? "\(digits.first!).\(digits.dropFirst())" : digits
      let sign = exponent < 0 ? "-" : "+"
      let magnitude = String(abs(exponent))
      return mantissa + "e" + sign + (magnitude.count < 2 ? "0" + magnitude : magnitude)
    }
    return fixed(digits: digits, exponent: exponent)
  }

  /// Places the decimal point in `digits` (d.ddd × 10^exponent) and drops trailing zeros.
  static func fixed(digits: String, exponent: Int) -> String {
    let chars = Array(digits)
    var integer: String
    var fraction: String
    if exponent >= 0 {
      let intCount = exponent + 1
      let padded = chars.count < intCount ? chars + Array(repeating: "0", count: intCount - chars.count) : chars
      integer = String(padded[..<intCount])
      fraction = String(padded[intCount...])
    } else {
      integer = "0"
      fraction = String(repeating: "0", count: -exponent - 1) + digits
    }
    fraction = trimZeros(fraction)
    if integer.isEmpty { integer = "0" }
    return fraction.isEmpty ? integer : integer + "." + fraction
  }

  static func trimZeros(_ text: String) -> String {
    var text = text
    while text.count > 1, text.last == "0" { text.removeLast() }
    if text == "0" { return "" }
    return text
  }
}

/// A positive double as an exact fraction numerator / 2^shift (both fit UInt128 for the
/// magnitudes sizes reach), rounded to significant digits exactly.
struct ExactDecimal {
  let numerator: UInt128
  let shift: Int

  init?(_ value: Double) {
    let significand = value.significandBitPattern | (value.isNormal ? (1 << 52) : 0)
    let exponent = Int(value.exponent) - 52
    guard exponent < 60, exponent > -70 else { return nil }
    if exponent >= 0 {
      numerator = UInt128(significand) << exponent
      shift = 0
    } else {
      numerator = UInt128(significand)
      shift = -exponent
    }
  }

  /// Decimal digits (exactly `count` of them) and the decimal exponent of the first digit.
  func rounded(significantDigits count: Int) -> (String, Int) {
    var exponent = decimalExponent()
    // Scale so that the kept digits are the integer part: value × 10^(count-1-exponent).
    let scale = count - 1 - exponent
    var (quotient, remainder, denominator) = scaled(by: scale)
    // Round half to even on the exact remainder.
    let twice = remainder * 2
    if twice > denominator || (twice == denominator && quotient % 2 == 1) { quotient += 1 }
    if quotient == pow10(count) {
      quotient /= 10
      exponent += 1
    }
    return (String(quotient), exponent)
  }

  /// floor(log10(value)).
  func decimalExponent() -> Int {
    let integer = numerator >> shift
    if integer > 0 { return String(integer).count - 1 }
    // Below 1: count how many times ×10 is needed to reach 1.
    var exponent = 0
    var value = numerator
    let one = UInt128(1) << shift
    while value < one {
      value *= 10
      exponent -= 1
    }
    return exponent
  }

  /// (floor, remainder, denominator) of value × 10^scale as an exact fraction.
  func scaled(by scale: Int) -> (UInt128, UInt128, UInt128) {
    var top = numerator
    var bottom = UInt128(1) << shift
    if scale >= 0 { top *= pow10(scale) } else { bottom *= pow10(-scale) }
    return (top / bottom, top % bottom, bottom)
  }

  func pow10(_ n: Int) -> UInt128 {
    var result: UInt128 = 1
    for _ in 0..<n { result *= 10 }
    return result
  }
}
