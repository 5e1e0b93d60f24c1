import Foundation

// Usage: EmbedLessonsTool ROOT OUTPUT
// Writes OUTPUT: a Swift enum with the text of every lesson (.md) and Hub data
// (.yaml, .yml, .json) file under ROOT, keyed by its path relative to ROOT.

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
  FileHandle.standardError.write(Data("usage: EmbedLessonsTool ROOT OUTPUT\n".utf8))
  exit(2)
}
let root = URL(fileURLWithPath: arguments[1]).standardizedFileURL.path
let output = arguments[2]

/// `text` as a Swift string literal (escapes only; every other character as it is).
func literal(_ text: String) -> String {
  var out = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\\": out += "\\\\"
    case "\"": out += "\\\""
    case "\n": out += "\\n"
    case "\r": out += "\\r"
    case "\t": out += "\\t"
    case _ where scalar.value < 0x20 || scalar.value == 0x7f: out += "\\u{\(String(scalar.value, radix: 16))}"
    default: out.unicodeScalars.append(scalar)
    }
  }
  return out + "\""
}

var source = """
  // Generated from Lessons/ by the EmbedLessons build plugin. Do not edit.

  enum EmbeddedLessons {
    static let files: [String: String] = [

  """
let wanted: Set<String> = ["md", "yaml", "yml", "json"]
let walk = FileManager.default.enumerator(at: URL(fileURLWithPath: root), includingPropertiesForKeys: nil)
let files = (walk?.compactMap { $0 as? URL } ?? []).filter { wanted.contains($0.pathExtension) }.map(\.standardizedFileURL.path).sorted()
for path in files {
  let file = path
  let relative = String(path.dropFirst(root.count).drop { $0 == "/" })
  let text = try String(contentsOfFile: file, encoding: .utf8)
  source += "    \(literal(relative)): \(literal(text)),\n"
}
if files.isEmpty { source += "    :\n" }
source += "  ]\n}\n"
// Unchanged text is not rewritten, so the lessons module is not recompiled for nothing.
if (try? String(contentsOfFile: output, encoding: .utf8)) != source {
  try source.write(toFile: output, atomically: true, encoding: .utf8)
}
