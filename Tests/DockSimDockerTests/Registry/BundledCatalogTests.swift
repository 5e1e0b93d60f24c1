import DockSimData
import Testing

@testable import DockSimCore

/// The bundled Hub: loads, has the course text's repositories, sizes and ages.
@Suite struct BundledCatalogTests {
  @Test func loadsWithEnoughRepositories() throws {
    let hub = try RegistryTestSupport.bundledHub()
    #expect(hub.allRepositories.count >= 30)
    for name in [
      "ubuntu", "fedora", "centos", "debian", "alpine", "busybox", "nginx", "httpd", "redis", "mysql", "postgres",
      "node", "python", "hello-world", "dorowu/ubuntu-desktop-lxde-vnc", "rastasheep/ubuntu-sshd",
      "jwilder/nginx-proxy", "richarvey/nginx-php-fpm", "nuagebec/ubuntu",
    ] {
      #expect(hub.repository(for: try Reference.parse(name, version: .v20_10)) != nil, "\(name)")
    }
  }

  @Test(arguments: [
    ("ubuntu:18.04", "64.2MB", "5 days ago"), ("ubuntu:latest", "64.2MB", "5 days ago"),
    ("fedora:31", "194MB", "2 months ago"), ("fedora:30", "248MB", "2 months ago"),
    ("hello-world", "1.84kB", "12 months ago"),
  ])
  func courseTextSizesAndAges(name: String, size: String, age: String) throws {
    let hub = try RegistryTestSupport.bundledHub()
    let image = try #require(hub.image(for: try Reference.parse(name, version: .v20_10).withDefaultTag))
    #expect(GoUnits.humanSize(image.size, precision: 3) == size)
    #expect(GoUnits.humanDuration(SimClock.defaultStart.since(image.created)) + " ago" == age)
  }

  @Test func ubuntuTagsShareOneImageAndUserImagesShareBaseLayers() throws {
    let hub = try RegistryTestSupport.bundledHub()
    let bionic = try #require(hub.image(for: try Reference.parse("ubuntu:18.04", version: .v20_10)))
    let latest = try #require(hub.image(for: try Reference.parse("ubuntu:latest", version: .v20_10)))
    #expect(bionic.id == latest.id)
    let layered = try #require(hub.image(for: try Reference.parse("classroom/ubuntu-emacs-nginx:latest", version: .v20_10)))
    #expect(Array(layered.diffIDs.prefix(bionic.layers.count)) == bionic.diffIDs)
    #expect(layered.layers.count == bionic.layers.count + 2)
    let nginx = try #require(hub.image(for: try Reference.parse("nginx:latest", version: .v20_10)))
    let proxy = try #require(hub.image(for: try Reference.parse("jwilder/nginx-proxy:latest", version: .v20_10)))
    #expect(Array(proxy.diffIDs.prefix(nginx.layers.count)) == nginx.diffIDs)
  }
}

enum RegistryTestSupport {
  /// Loaded once for all tests: building the catalog takes a moment.
  static let hub: Hub? = {
    guard let text = BundledData.hubFile(Hub.bundledCatalogName) else { return nil }
    return try? Hub.load(files: [(name: Hub.bundledCatalogName, text: text)])
  }()

  static func bundledHub() throws -> Hub { try #require(hub) }
}
