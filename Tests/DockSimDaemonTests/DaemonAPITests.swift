import DockSimCore
import DockSimDaemon
import Testing

/// The API's answers, asked without a socket: version negotiation and errors as
/// dockerd (moby v20.10.24 and v28.2.2, api/server/middleware/version.go,
/// api/server/router/system/system_routes.go), documents from the session.
@Suite struct DaemonAPITests {
  func get(_ daemon: Daemon, _ path: String, version: String? = nil, query: [String: [String]] = [:]) -> APIResponse {
    daemon.handle(
      APIRequest(method: "GET", path: path, query: query, apiVersion: APIVersion(version ?? daemon.maximumAPI.text)))
  }

  @Test(arguments: [(DockerVersion.v20_10, "1.41"), (.v28, "1.50")])
  func pingNamesTheAPIVersionAndTheBuilder(version: DockerVersion, api: String) {
    let daemon = DaemonHarness(version).daemon()
    let ping = get(daemon, "/_ping")
    #expect(ping.status == 200)
    #expect(ping.text == "OK")
    #expect(ping.header("Api-Version") == api)
    #expect(ping.header("Ostype") == "linux")
    #expect(ping.header("Docker-Experimental") == "false")
    #expect(ping.header("Builder-Version") == "1")
    #expect(ping.header("Server") == "Docker/\(version.fullVersion) (linux)")
    let head = daemon.handle(APIRequest(method: "HEAD", path: "/_ping", apiVersion: daemon.maximumAPI))
    #expect(head.body.isEmpty)
    #expect(head.header("Content-Length") == "0")
    #expect(head.header("Api-Version") == api)
  }

  @Test func versionsOutsideTheRangeAreRefusedInDockerdsWords() {
    let old = DaemonHarness(.v20_10).daemon()
    #expect(get(old, "/version", version: "1.50").status == 400)
    #expect(
      get(old, "/version", version: "1.50").document?["message"]
        == .string("client version 1.50 is too new. Maximum supported API version is 1.41"))
    #expect(
      get(old, "/version", version: "1.11").document?["message"]
        == .string(
          "client version 1.11 is too old. Minimum supported API version is 1.12, please upgrade your client to a newer version"
        ))
    let modern = DaemonHarness(.v28).daemon()
    #expect(
      get(modern, "/info", version: "1.23").document?["message"]
        == .string(
          "client version 1.23 is too old. Minimum supported API version is 1.24, please upgrade your client to a newer version"
        ))
    #expect(get(modern, "/info", version: "1.24").status == 200)
  }

  @Test func unknownPathsAreNotFoundInJSON() {
    let response = get(DaemonHarness(.v28).daemon(), "/nothing/here")
    #expect(response.status == 404)
    #expect(response.text == "{\"message\":\"page not found\"}\n")
    #expect(response.header("Content-Type") == "application/json")
  }

  @Test func versionIsTheServerHalfOfDockerVersion() throws {
    let document = try #require(get(DaemonHarness(.v20_10).daemon(), "/version").document)
    #expect(document["Version"] == .string("20.10.24"))
    #expect(document["ApiVersion"] == .string("1.41"))
    #expect(document["MinAPIVersion"] == .string("1.12"))
    #expect(document["Components"]?.arrayValue?.count == 4)
  }

  @Test func infoCountsTheSessionsImagesAndContainers() throws {
    var harness = DaemonHarness(.v28)
    harness.prepare(["docker pull alpine", "docker run -d --name web alpine sleep 1000", "docker create alpine"])
    let document = try #require(get(harness.daemon(), "/info").document)
    #expect(document["Containers"] == .int(2))
    #expect(document["ContainersRunning"] == .int(1))
    #expect(document["Images"] == .int(1))
    #expect(document["ServerVersion"] == .string("28.2.2"))
    #expect(document["ClientInfo"] == nil)
  }

  @Test func imagesListTheStoreAsTheSummaryType() throws {
    var harness = DaemonHarness(.v20_10)
    harness.prepare(["docker pull ubuntu:18.04", "docker pull alpine"])
    let daemon = harness.daemon()
    let list = try #require(get(daemon, "/images/json").document?.arrayValue)
    #expect(list.count == 2)
    let ubuntu = try #require(list.first { $0["RepoTags"] == .strings(["ubuntu:18.04"]) })
    #expect(ubuntu.objectValue?.map(\.0) == [
      "Containers", "Created", "Id", "Labels", "ParentId", "RepoDigests", "RepoTags", "SharedSize", "Size", "VirtualSize",
    ])
    let id = try harness.session.engine.images.lookup("ubuntu:18.04", version: .v20_10).get().id
    #expect(ubuntu["Id"]?.stringValue == id.description)
    let filtered = try #require(
      get(daemon, "/images/json", query: ["filters": ["{\"reference\":{\"alpine\":true}}"]]).document?.arrayValue)
    #expect(filtered.map { $0["RepoTags"] } == [.strings(["alpine:latest"])])
    let bad = get(daemon, "/images/json", query: ["filters": ["{\"colour\":[\"red\"]}"]])
    #expect(bad.status == 400)
    #expect(bad.document?["message"] == .string("Invalid filter 'colour'"))
  }

  @Test func containersListRunningOnesUnlessAll() throws {
    var harness = DaemonHarness(.v28)
    harness.prepare(["docker run -d --name web -p 8080:80 nginx", "docker create --name box alpine"])
    let daemon = harness.daemon()
    let running = try #require(get(daemon, "/containers/json").document?.arrayValue)
    #expect(running.map { $0["Names"] } == [.strings(["/web"])])
    #expect(running[0]["State"] == .string("running"))
    #expect(running[0]["Ports"]?.arrayValue?.first?["PublicPort"] == .int(8080))
    let all = try #require(get(daemon, "/containers/json", query: ["all": ["1"]]).document?.arrayValue)
    #expect(all.map { $0["Names"] } == [.strings(["/box"]), .strings(["/web"])])
    let missing = get(daemon, "/containers/nobody/json")
    #expect(missing.status == 404)
    #expect(missing.document?["message"] == .string("No such container: nobody"))
  }
}
