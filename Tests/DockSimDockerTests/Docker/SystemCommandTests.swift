import DockSimCore
import DockSimTestSupport
import Testing

@testable import DockSimDocker

@Suite struct SystemCommandTests {
  @Test func version20_10() {
    var h = DockerHarness(version: .v20_10)
    let run = h.run("docker version")
    #expect(run.status == 0 && run.stderr == "")
    #expect(
      run.stdout == """
        Client:
         Version:           20.10.24
         API version:       1.41
         Go version:        go1.19.7
         Git commit:        297e128
         Built:             Tue Apr  4 18:21:03 2023
         OS/Arch:           linux/amd64
         Context:           default
         Experimental:      true

        Server: Docker Engine - Community
         Engine:
          Version:          20.10.24
          API version:      1.41 (minimum version 1.12)
          Go version:       go1.19.7
          Git commit:       5d6db84
          Built:            Tue Apr  4 18:18:42 2023
          OS/Arch:          linux/amd64
          Experimental:     false
         containerd:
          Version:          1.6.20
          GitCommit:        2806fc1057397dbaeefbea0e4e17bddfbd388f38
         runc:
          Version:          1.1.5
          GitCommit:        v1.1.5-0-gf19387a
         docker-init:
          Version:          0.19.0
          GitCommit:        de40ad0

        """)
  }

  @Test func version28() {
    var h = DockerHarness(version: .v28)
    let out = h.run("docker version").stdout
    #expect(
      out.hasPrefix(
        """
        Client:
         Version:           28.2.2
         API version:       1.50
         Go version:        go1.24.3
         Git commit:        e6534b4
         Built:             Fri May 30 12:07:14 2025
         OS/Arch:           linux/amd64
         Context:           default

        Server: Docker Engine - Community
         Engine:
          Version:          28.2.2
          API version:      1.50 (minimum version 1.24)

        """))
    #expect(out.contains("  Version:          1.7.27\n"))
  }

  @Test func emptyDiskUsage() {
    for version in DockerVersion.allCases {
      var h = DockerHarness(version: version)
      #expect(
        h.run("docker system df").stdout == """
          TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE
          Images          0         0         0B        0B
          Containers      0         0         0B        0B
          Local Volumes   0         0         0B        0B
          Build Cache     0         0         0B        0B

          """)
    }
  }

  @Test func diskUsageAfterPullAndRun() {
    for version in DockerVersion.allCases {
      var h = DockerHarness(version: version)
      h.run("docker pull hello-world")
      h.run("docker pull nginx")
      h.run("docker run -d nginx")
      h.run("docker run hello-world")
      #expect(
        h.run("docker system df").stdout == """
          TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE
          Images          2         2         126.2MB   0B (0%)
          Containers      2         1         0B        0B
          Local Volumes   0         0         0B        0B
          Build Cache     0         0         0B        0B

          """)
      #expect(h.run("docker system df -v").stdout == verbose)
      h.run("docker rm amazing_chandrasekhar")
      #expect(
        h.run("docker system df").stdout == """
          TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE
          Images          2         1         126.2MB   1.84kB (0%)
          Containers      1         1         0B        0B
          Local Volumes   0         0         0B        0B
          Build Cache     0         0         0B        0B

          """)
    }
  }

  private let verbose = """
    Images space usage:

    REPOSITORY    TAG       IMAGE ID       CREATED         SIZE      SHARED SIZE   UNIQUE SIZE   CONTAINERS
    nginx         latest    3c5d550dcc38   12 days ago     126MB     0B            126MB         1
    hello-world   latest    ee2f2e511483   12 months ago   1.84kB    0B            1.84kB        1

    Containers space usage:

    CONTAINER ID   IMAGE         COMMAND                  LOCAL VOLUMES   SIZE      CREATED                  STATUS                              NAMES
    b99b263a3164   nginx         "nginx -g 'daemon of…"   0               0B        1 second ago             Up 1 second                         ecstatic_carson
    17e5bc879e7d   hello-world   "/hello"                 0               0B        Less than a second ago   Exited (0) Less than a second ago   amazing_chandrasekhar

    Local Volumes space usage:

    VOLUME NAME   LINKS     SIZE

    Build cache usage: 0B

    CACHE ID   CACHE TYPE   SIZE      CREATED   LAST USED   USAGE     SHARED

    """

  @Test func info20_10() {
    var h = DockerHarness(version: .v20_10)
    h.run("docker pull hello-world")
    h.run("docker run hello-world")
    #expect(
      h.run("docker info").stdout == """
        Client:
         Context:    default
         Debug Mode: false

        Server:
         Containers: 1
          Running: 0
          Paused: 0
          Stopped: 1
         Images: 1
         Server Version: 20.10.24
         Storage Driver: overlay2
          Backing Filesystem: extfs
          Supports d_type: true
          Native Overlay Diff: true
          userxattr: false
         Logging Driver: json-file
         Cgroup Driver: systemd
         Cgroup Version: 2
         Plugins:
          Volume: local
          Network: bridge host ipvlan macvlan null overlay
          Log: awslogs fluentd gcplogs gelf journald json-file local logentries splunk syslog
         Swarm: inactive
         Runtimes: io.containerd.runc.v2 io.containerd.runtime.v1.linux runc
         Default Runtime: runc
         Init Binary: docker-init
         containerd version: 2806fc1057397dbaeefbea0e4e17bddfbd388f38
         runc version: v1.1.5-0-gf19387a
         init version: de40ad0
         Security Options:
          apparmor
          seccomp
           Profile: builtin
          cgroupns
         Kernel Version: 5.15.0-76-generic
         Operating System: Ubuntu 22.04.2 LTS
         OSType: linux
         Architecture: x86_64
         CPUs: 2
         Total Memory: 3.82GiB
         Name: docksim
         ID: G2I4:GIU2:OY6Q:E6EG:E6KE:EEOK:SI2A:CKSA:OEUQ:S4S6:IYIQ:CMEE
         Docker Root Dir: /var/lib/docker
         Debug Mode: false
         Registry: https://index.docker.io/v1/
         Labels:
         Experimental: false
         Insecure Registries:
          127.0.0.0/8
         Live Restore Enabled: false


        """)
  }

  @Test func info28() {
    var h = DockerHarness(version: .v28)
    #expect(
      h.run("docker system info").stdout == """
        Client:
         Version:    28.2.2
         Context:    default
         Debug Mode: false

        Server:
         Containers: 0
          Running: 0
          Paused: 0
          Stopped: 0
         Images: 0
         Server Version: 28.2.2
         Storage Driver: overlay2
          Backing Filesystem: extfs
          Supports d_type: true
          Using metacopy: false
          Native Overlay Diff: true
          userxattr: false
         Logging Driver: json-file
         Cgroup Driver: systemd
         Cgroup Version: 2
         Plugins:
          Volume: local
          Network: bridge host ipvlan macvlan null overlay
          Log: awslogs fluentd gcplogs gelf journald json-file local splunk syslog
         CDI spec directories:
          /etc/cdi
          /var/run/cdi
         Swarm: inactive
         Runtimes: io.containerd.runc.v2 runc
         Default Runtime: runc
         Init Binary: docker-init
         containerd version: 05044ec0a9a75232cad458027ca83437aae3f4da
         runc version: v1.2.5-0-g59923ef
         init version: de40ad0
         Security Options:
          apparmor
          seccomp
           Profile: builtin
          cgroupns
         Kernel Version: 6.8.0-60-generic
         Operating System: Ubuntu 24.04.2 LTS
         OSType: linux
         Architecture: x86_64
         CPUs: 2
         Total Memory: 3.82GiB
         Name: docksim
         ID: 3dc552c7-fc0f-2c40-2ed8-90fefa6da090
         Docker Root Dir: /var/lib/docker
         Debug Mode: false
         Experimental: false
         Insecure Registries:
          ::1/128
          127.0.0.0/8
         Live Restore Enabled: false


        """)
  }
}
