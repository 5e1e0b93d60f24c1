import Testing
@testable import DockSimCore

@Suite struct JSONValueTests {
  @Test func compactKeepsMemberOrderAndEscapesLikeGo() {
    let value = JSONValue.object([("b", .int(1)), ("a", .string("<x> & \"y\"\n")), ("c", .null), ("d", .array([]))])
    #expect(value.compact() == #"{"b":1,"a":"\u003cx\u003e \u0026 \"y\"\n","c":null,"d":[]}"#)
    #expect(value.compact(escapeHTML: false) == #"{"b":1,"a":"<x> & \"y\"\n","c":null,"d":[]}"#)
  }

  @Test func indentedMatchesMarshalIndent() {
    let value = JSONValue.array([.object([("Id", .string("sha256:1")), ("RepoTags", .array([.string("a:1")])), ("Empty", .object([]))])])
    #expect(value.indented() == """
      [
          {
              "Id": "sha256:1",
              "RepoTags": [
                  "a:1"
              ],
              "Empty": {}
          }
      ]
      """)
  }

  @Test func parsesWhatItWrites() throws {
    let value = JSONValue.object([("k", .array([.bool(true), .int(-3), .string("é\u{1F600}\t")])), ("z", .null)])
    #expect(try JSONValue(parsing: value.compact()) == value)
    #expect(try JSONValue(parsing: #"{"s":"\u00e9\ud83d\ude00"}"#)["s"]?.stringValue == "é\u{1F600}")
  }

  @Test(arguments: ["{", "[1,]", "{\"a\" 1}", "\"abc", "tru", "[1] x", String(repeating: "[", count: 600)])
  func rejectsInvalidJSON(text: String) {
    #expect(throws: JSONValue.ParseError.self) { try JSONValue(parsing: text) }
  }
}
