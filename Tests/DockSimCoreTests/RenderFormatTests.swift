import Testing
@testable import DockSimCore

/// Expected texts come from the real docker 20.10.24 and 28.2.2 CLIs against a fake daemon.
@Suite struct RenderFormatTests {
  static let schema = FormatSchema(
    typeName: "*formatter.imageContext",
    headers: [
      "Repository": "REPOSITORY", "Tag": "TAG", "ID": "IMAGE ID", "Digest": "DIGEST", "CreatedSince": "CREATED",
      "CreatedAt": "CREATED AT", "Size": "SIZE", "Containers": "CONTAINERS", "SharedSize": "SHARED SIZE",
      "UniqueSize": "UNIQUE SIZE", "VirtualSize": "SIZE",
    ])
  static let row: [String: TemplateValue] = [
    "Containers": "N/A", "CreatedAt": "2020-09-13 12:26:40 +0000 UTC", "CreatedSince": "6 years ago",
    "Digest": "<none>", "ID": "72300a873c2c", "Repository": "ubuntu", "SharedSize": "N/A", "Size": "64.2MB",
    "Tag": "18.04", "UniqueSize": "N/A", "VirtualSize": "64.2MB",
  ]
  static let defaultTable = "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}"

  func render(_ format: String, version: DockerVersion = .v20_10) -> String {
    do {
      return try DockerFormat(format, default: Self.defaultTable, version: version).render([Self.row], schema: Self.schema)
    } catch {
      return "ERR " + error.message
    }
  }

  @Test func defaultTableAndTableAlone() {
    let expected = "REPOSITORY   TAG       IMAGE ID       CREATED       SIZE\nubuntu       18.04     72300a873c2c   6 years ago   64.2MB\n"
    #expect(render("") == expected)
    #expect(render("table") == expected)
  }

  @Test func headerIsPrintedWithoutRows() throws {
    let format = try DockerFormat(nil, default: Self.defaultTable, version: .v28)
    #expect(try format.render([], schema: Self.schema) == "REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n")
  }

  @Test func jsonOfTheRowSortsKeysAndEscapesHTML() {
    let expected = #"{"Containers":"N/A","CreatedAt":"2020-09-13 12:26:40 +0000 UTC","CreatedSince":"6 years ago","Digest":"\u003cnone\u003e","ID":"72300a873c2c","Repository":"ubuntu","SharedSize":"N/A","Size":"64.2MB","Tag":"18.04","UniqueSize":"N/A","VirtualSize":"64.2MB"}"#
    #expect(render("{{json .}}") == expected + "\n")
    #expect(render("table {{json .}}") == "\n" + expected + "\n")
    #expect(render("{{json .}} {{ \"<&>\" }} {{json \"<&>\"}}") == expected + " <&> \"<&>\"\n")
    #expect(render("{{json .Digest}}") == "\"<none>\"\n")
    #expect(render("table {{json .Digest}}") == "DIGEST\n\"<none>\"\n")
  }

  @Test func jsonKeywordOnlyFrom23On() {
    #expect(render("json", version: .v20_10) == "json\n")
    #expect(render("json", version: .v28).hasPrefix("{\"Containers\""))
  }

  @Test func headersKeepTextFunctionsUnapplied() {
    #expect(render("table {{.ID}}\t{{.Repository | upper}}") == "IMAGE ID       REPOSITORY\n72300a873c2c   UBUNTU\n")
    #expect(render("table {{.VirtualSize}}|") == "SIZE|\n64.2MB|\n")
    #expect(render("table {{if .ID}}a{{end}}|") == "a|\na|\n")
    #expect(render("table {{range split .Tag \".\"}}{{.}}{{end}}|") == "\n1804|\n")
    #expect(render("table {{.ID}}\\n{{.Tag}}") == "IMAGE ID\nTAG\n72300a873c2c\n18.04\n")
    #expect(render("table {{.ID}} {{.Size}}\\t{{.CreatedAt}}\\t{{.Digest}}")
      == "IMAGE ID SIZE         CREATED AT                      DIGEST\n72300a873c2c 64.2MB   2020-09-13 12:26:40 +0000 UTC   <none>\n")
  }

  /// Tab-terminated last cells and lines without tabs split the column blocks (real CLI output).
  @Test func columnBlocksAndTrailingTabs() {
    for version in DockerVersion.allCases {
      #expect(render("table {{.ID}}\\t", version: version) == "IMAGE ID       \n72300a873c2c   \n")
      #expect(render("table {{.ID}}\\t\\t{{.Tag}}", version: version)
        == "IMAGE ID                 TAG\n72300a873c2c             18.04\n")
      #expect(render("table {{.Tag}}\\n{{.ID}}\\t{{.Size}}", version: version)
        == "TAG\nIMAGE ID   SIZE\n18.04\n72300a873c2c   64.2MB\n")
      #expect(render("{{.ID}}\\t", version: version) == "72300a873c2c\t\n")
    }
  }

  @Test func tableCellWidthByVersion() {
    #expect(render("table {{.ID}}\\t{{\"é中\"}}\\t{{.Tag}}", version: .v20_10)
      == "IMAGE ID       é中        TAG\n72300a873c2c   é中        18.04\n")
    #expect(render("table {{.ID}}\\t{{\"é中\"}}\\t{{.Tag}}", version: .v28)
      == "IMAGE ID       é中       TAG\n72300a873c2c   é中       18.04\n")
  }

  @Test func plainFormats() {
    #expect(render("{{.ID}}\\t{{.Tag}}") == "72300a873c2c\t18.04\n")
    #expect(render("  {{.ID}}  ") == "72300a873c2c\n")
    #expect(render("{{.ID}}\\n{{.Tag}}") == "72300a873c2c\n18.04\n")
    #expect(render("{{println .ID}}") == "72300a873c2c\n\n")
    #expect(render("{{.Repository | pad 2 3}}|").hasPrefix("ERR"))
    #expect(render("{{truncate .Repository 3}}") == "ubu\n")
    #expect(render("{{truncate .Repository 30}}") == "ubuntu\n")
    #expect(render("{{split .Tag \".\"}}") == "[18 04]\n")
    #expect(render("{{join (split .Tag \".\") \"-\"}}") == "18-04\n")
    #expect(render("{{title \"abc def\"}}") == "Abc Def\n")
    #expect(render("{{ .Repository | title }}") == "Ubuntu\n")
    #expect(render("{{range split .Tag \".\"}}[{{.}}]{{end}}") == "[18][04]\n")
    #expect(render("{{range $i, $e := split .Tag \".\"}}{{$i}}={{$e}} {{end}}") == "0=18 1=04 \n")
    #expect(render("{{printf \"%s-%d\" .ID 3}}") == "72300a873c2c-3\n")
    #expect(render("{{printf \"%d\" .ID}}") == "%!d(string=72300a873c2c)\n")
    #expect(render("{{printf \"%s-%v-%5s\" .ID 1}}") == "72300a873c2c-1-%!s(MISSING)\n")
    #expect(render("{{ .ID | printf \"%q\" }}") == "\"72300a873c2c\"\n")
    #expect(render("{{len .Tag}}") == "5\n")
    #expect(render("{{index .Tag 1}}") == "56\n")
    #expect(render("{{index (split .Tag \".\") 1}}") == "04\n")
    #expect(render("{{if eq .Tag \"18.04\"}}yes{{else}}no{{end}}") == "yes\n")
    #expect(render("{{.ID}} {{/* c */}}x") == "72300a873c2c x\n")
    #expect(render("{{- .ID -}} x") == "72300a873c2cx\n")
    #expect(render("{{ .ID}}{{- \"x\" -}}  y  {{- \"z\"}}") == "72300a873c2cxyz\n")
    #expect(render("{{print 1 2 \"a\" 3}}") == "1 2a3\n")
    #expect(render("{{with .ID}}[{{.}}]{{end}}") == "[72300a873c2c]\n")
    #expect(render("{{json (split .Tag \".\")}}") == "[\"18\",\"04\"]\n")
    #expect(render("{{range split \"\" \".\"}}[{{.}}]{{else}}none{{end}}") == "[]\n")
    #expect(render("{{len (split .Tag \".\")}}") == "2\n")
    #expect(render("{{$x := .ID}}{{$x}}") == "72300a873c2c\n")
    #expect(render("{{.ID | upper | lower}}") == "72300a873c2c\n")
    #expect(render("{{not .ID}}") == "false\n")
    #expect(render("{{and .ID .Tag}} {{or \"\" .Tag}}") == "18.04 18.04\n")
    #expect(render("{{.ID | json}}") == "\"72300a873c2c\"\n")
  }

  @Test func rangeOverIntegerOnlyIn28() {
    #expect(render("{{range 3}}x{{end}}", version: .v28) == "xxx\n")
    #expect(render("{{range 3}}x{{end}}", version: .v20_10)
      == "ERR template parsing error: template: :1:8: executing \"\" at <3>: range can't iterate over 3")
  }

  static let errors: [(String, String)] = [
    ("{{foo .ID}}", "template: :1: function \"foo\" not defined"),
    ("{{.ID | foo}}", "template: :1: function \"foo\" not defined"),
    ("{{.ID}}\\n{{foo}}", "template: :2: function \"foo\" not defined"),
    ("{{.ID", "template: :1: unclosed action"),
    ("{{.ID}}{{", "template: :1: unclosed action"),
    ("{{.ID}} {{.Tag", "template: :1: unclosed action"),
    ("{{range .ID}}{{end", "template: :1: unclosed action"),
    ("{{if .ID}}x", "template: :1: unexpected EOF"),
    ("{{end}}", "template: :1: unexpected {{end}}"),
    ("{{else}}", "template: :1: unexpected {{else}}"),
    ("{{\"a}}", "template: :1: unterminated quoted string"),
    ("{{if}}x{{end}}", "template: :1: missing value for if"),
    ("{{}}", "template: :1: missing value for command"),
    ("{{$y}}", "template: :1: undefined variable \"$y\""),
    ("{{ .ID | 3 }}", "template: :1: non executable command in pipeline stage 2"),
    ("{{.Nope}}", "template: :1:2: executing \"\" at <.Nope>: can't evaluate field Nope in type *formatter.imageContext"),
    ("table {{.Nope}}", "template: :1:2: executing \"\" at <.Nope>: can't evaluate field Nope in type *formatter.imageContext"),
    ("{{.ID}}\\n{{.Nope}}", "template: :2:2: executing \"\" at <.Nope>: can't evaluate field Nope in type *formatter.imageContext"),
    ("{{lower .Foo}}", "template: :1:8: executing \"\" at <.Foo>: can't evaluate field Foo in type *formatter.imageContext"),
    ("{{if .Nope2}}a{{end}}", "template: :1:5: executing \"\" at <.Nope2>: can't evaluate field Nope2 in type *formatter.imageContext"),
    ("{{json .Missing}}", "template: :1:7: executing \"\" at <.Missing>: can't evaluate field Missing in type *formatter.imageContext"),
    ("{{.ID.Foo}}", "template: :1:5: executing \"\" at <.ID.Foo>: can't evaluate field Foo in type string"),
    ("{{(split .Tag \".\").Foo}}", "template: :1:14: executing \"\" at <\".\">: can't evaluate field Foo in type []string"),
    ("{{.Repository | pad 2 3}}|", "template: :1:20: executing \"\" at <2>: expected string; found 2"),
    ("{{.Repository | truncate 3}}", "template: :1:25: executing \"\" at <3>: expected string; found 3"),
    ("{{upper 3}}", "template: :1:8: executing \"\" at <3>: expected string; found 3"),
    ("{{.ID | pad 2}}", "template: :1:8: executing \"\" at <pad>: wrong number of args for pad: want 3 got 2"),
    ("{{json}}", "template: :1:2: executing \"\" at <json>: wrong number of args for json: want 1 got 0"),
    ("{{.ID 3}}", "template: :1:2: executing \"\" at <.ID>: wrong number of args for ID: want 0 got 1"),
    ("{{\"x\" | .ID}}", "template: :1:8: executing \"\" at <.ID>: wrong number of args for ID: want 0 got 1"),
    ("{{range .Tag}}x{{end}}", "template: :1:8: executing \"\" at <.Tag>: range can't iterate over 18.04"),
    ("{{join .Tag \",\"}}", "template: :1:7: executing \"\" at <.Tag>: wrong type for value; expected []string; got string"),
    ("{{eq .Tag 3}}", "template: :1:2: executing \"\" at <eq .Tag 3>: error calling eq: incompatible types for comparison"),
    ("{{lt 1 \"a\"}}", "template: :1:2: executing \"\" at <lt 1 \"a\">: error calling lt: incompatible types for comparison"),
    ("{{len 3}}", "template: :1:2: executing \"\" at <len 3>: error calling len: len of type int"),
    ("{{index (split .Tag \".\") 5}}", "template: :1:2: executing \"\" at <index (split .Tag \".\") 5>: error calling index: index out of range: 5"),
  ]

  @Test(arguments: errors.indices) func goErrorMessages(index: Int) {
    let (format, message) = Self.errors[index]
    for version in DockerVersion.allCases {
      #expect(render(format, version: version) == "ERR template parsing error: " + message)
    }
  }
}
