import Foundation

// Usage: EmbedTextsTool ROOT OUTPUT ENUM EXTENSION...
// Writes OUTPUT: a Swift enum named ENUM with the text of every file under ROOT whose
// name ends in one of the EXTENSIONs, keyed by its path relative to ROOT. The build
// plugins use it for the lessons (EmbedLessons) and docker's help texts (EmbedHelp).

let arguments = CommandLine.arguments
guard arguments.count >= 5 else {
  FileHandle.standardError.write(Data("usage: EmbedTextsTool ROOT OUTPUT ENUM EXTENSION...\n".utf8))
  exit(2)
}
let root = URL(fileURLWithPath: arguments[1]).standardizedFileURL.path
let output = arguments[2]
let enumName = arguments[3]
let wanted = Set(arguments[4...])

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

// A dictionary of literals: building it hashes the keys only, the texts stay in the
// binary until read, so start-up does not grow with the amount embedded.
var source = """
  // Generated from \(URL(fileURLWithPath: root).lastPathComponent)/ by a build plugin (EmbedTextsTool). Do not edit.

  enum \(enumName) {
    static let files: [String: String] = [

  """
let walk = FileManager.default.enumerator(at: URL(fileURLWithPath: root), includingPropertiesForKeys: nil)
let files = (walk?.compactMap { $0 as? URL } ?? []).filter { wanted.contains($0.pathExtension) }.map(\.standardizedFileURL.path).sorted()
for path in files {
  let relative = String(path.dropFirst(root.count).drop { $0 == "/" })
  let text = try String(contentsOfFile: path, encoding: .utf8)
  source += "    \(literal(relative)): \(literal(text)),\n"
}
if files.isEmpty { source += "    :\n" }
source += "  ]\n}\n"
// Unchanged text is not rewritten, so the module is not recompiled for nothing.
if (try? String(contentsOfFile: output, encoding: .utf8)) != source {
  try source.write(toFile: output, atomically: true, encoding: .utf8)
}
