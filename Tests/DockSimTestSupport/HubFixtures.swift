import DockSimCore

/// A small catalog for store, pull, rmi and completion tests: a base, an image built
/// on it, and two tags of one image.
public enum HubFixtures {
  public static let yaml = """
    version: 1
    repositories:
      - name: base
        official: true
        description: A tiny base system
        stars: 100
        images:
          - tags: ["1.0", latest]
            created: 2020-01-10T01:26:50Z
            steps:
              - ADD: /
                files:
                  /etc/os-release: |
                    NAME="Base"
                  /bin/sh: 120000
                size: 5000000
                bulk: [/lib/libc.so.6, /usr/lib/libstdc++.so.6]
              - CMD: [/bin/sh]
      - name: user/app
        description: An app on the base
        stars: 7
        automated: true
        images:
          - tags: [latest]
            from: base:1.0
            created: 2020-01-12T00:00:00Z
            steps:
              - RUN: apt-get install -y app
                files:
                  /usr/bin/app: 300000
              - CMD: [app]
    """

  public static func hub() -> Hub {
    let catalog = try! HubCatalog.load(yaml: yaml, file: "fixture.yaml")
    return try! Hub(catalogs: [catalog])
  }

  public static func engine(version: DockerVersion = .v20_10) -> Engine {
    Engine(clock: SimClock(), seed: 1, version: version, hub: hub())
  }
}
