import DockSimCore
import DockSimShell

/// The concepts of the course text, each with a command that shows it live.
struct ExplainTopic: Sendable {
  /// What the user types: `explain copy-on-write`.
  let id: String
  let title: MessageKey
  let body: MessageKey
  /// Shown after the explanation ("Try it, one line at a time:"), one command a line:
  /// each is typed on its own, since bash runs the rest of a `docker run -it ...; cmd`
  /// line on the host after the container exits. Separated by `; ` here; never
  /// translated (they are commands). The files named are files the image has.
  let command: String

  static let all: [ExplainTopic] = [
    ExplainTopic(id: "image", title: .topicImageTitle, body: .topicImageBody, command: "docker images"),
    ExplainTopic(id: "layer", title: .topicLayerTitle, body: .topicLayerBody, command: "layers ubuntu:18.04"),
    ExplainTopic(id: "bootfs", title: .topicBootfsTitle, body: .topicBootfsBody, command: "trace on; docker run -it ubuntu:18.04"),
    ExplainTopic(id: "rootfs", title: .topicRootfsTitle, body: .topicRootfsBody, command: "layers ubuntu:18.04"),
    ExplainTopic(id: "union-mount", title: .topicUnionMountTitle, body: .topicUnionMountBody, command: "tree ubuntu:18.04 /etc"),
    ExplainTopic(id: "copy-on-write", title: .topicCopyOnWriteTitle, body: .topicCopyOnWriteBody, command: "trace on; docker run -it ubuntu:18.04; echo hi >> /etc/issue; whence /etc/issue"),
    ExplainTopic(id: "whiteout", title: .topicWhiteoutTitle, body: .topicWhiteoutBody, command: "trace on; docker run -it ubuntu:18.04; rm /etc/debian_version; whence /etc/debian_version"),
    ExplainTopic(id: "base-image", title: .topicBaseImageTitle, body: .topicBaseImageBody, command: "layers nginx"),
    ExplainTopic(id: "parent-image", title: .topicParentImageTitle, body: .topicParentImageBody, command: "layers nginx"),
    ExplainTopic(id: "container-layer", title: .topicContainerLayerTitle, body: .topicContainerLayerBody, command: "docker run -it ubuntu:18.04; touch /new; layers"),
    ExplainTopic(id: "registry", title: .topicRegistryTitle, body: .topicRegistryBody, command: "docker pull ubuntu:18.04"),
    ExplainTopic(id: "docker-hub", title: .topicDockerHubTitle, body: .topicDockerHubBody, command: "docker search ubuntu"),
    ExplainTopic(id: "repository", title: .topicRepositoryTitle, body: .topicRepositoryBody, command: "docker images ubuntu"),
    ExplainTopic(id: "official", title: .topicOfficialTitle, body: .topicOfficialBody, command: "docker search ubuntu"),
    ExplainTopic(id: "tag", title: .topicTagTitle, body: .topicTagBody, command: "docker tag ubuntu:18.04 myubuntu:v1; docker images"),
    ExplainTopic(id: "latest", title: .topicLatestTitle, body: .topicLatestBody, command: "docker pull ubuntu"),
    ExplainTopic(id: "digest", title: .topicDigestTitle, body: .topicDigestBody, command: "docker images --digests"),
    ExplainTopic(id: "search", title: .topicSearchTitle, body: .topicSearchBody, command: "docker search nginx"),
    ExplainTopic(id: "pull", title: .topicPullTitle, body: .topicPullBody, command: "docker pull fedora:31"),
    ExplainTopic(id: "run", title: .topicRunTitle, body: .topicRunBody, command: "trace on; docker run -it ubuntu:18.04"),
  ]

  /// The topic named by an id or by its title in either language (`explain 写时复制`),
  /// or by the Chinese part of a bracketed title (`explain 标签` for 标签（tag）).
  static func find(_ name: String) -> ExplainTopic? {
    let wanted = name.lowercased()
    return all.first { topic in
      topic.id == wanted || Language.allCases.contains { language in
        let title = Messages.text(topic.title, language).lowercased()
        return title == wanted || title.prefix { $0 != "（" } == wanted
      }
    }
  }
}

/// What `explain` prints.
enum ExplainText {
  /// One topic: its title, the explanation wrapped to `width`, and the command to try.
  static func topic(_ topic: ExplainTopic, language: Language, width: Int) -> String {
    let title = Messages.text(topic.title, language)
    // The id to type, unless the title already shows it; Chinese takes full-width brackets.
    let named = title.lowercased().contains(topic.id) ? title : language == .zh ? "\(title)（\(topic.id)）" : "\(title) (\(topic.id))"
    var lines = [named]
    lines += TextWrap.wrap(Messages.text(topic.body, language), width: width, indent: "  ")
    lines += TextWrap.wrap(Messages.text(.explainTry, language), width: width, indent: "  ")
    lines += topic.command.split(separator: ";").map { "    " + $0.drop { $0 == " " } }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The list of topics: id and title, aligned by display width.
  static func list(language: Language) -> String {
    let idWidth = ExplainTopic.all.map { DockSimCore.DisplayWidth.of($0.id) }.max() ?? 0
    var lines = [Messages.text(.explainListTitle, language)]
    for topic in ExplainTopic.all {
      lines.append("  " + DockSimCore.DisplayWidth.padded(topic.id, to: idWidth + 2) + Messages.text(topic.title, language))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
