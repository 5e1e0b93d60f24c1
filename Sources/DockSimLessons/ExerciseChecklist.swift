import DockSimShell
import DockSimCore

/// The checklist's words: each check said as met, or with what still differs, in the
/// lesson's language. The state is read through `Probe` and never changed.
extension GoalCheck {
  public func result(in session: Session, start: Session, language: Language) -> CheckResult {
    let probe = Probe(session)
    let zh = language == .zh
    func met(_ en: String, _ chinese: String) -> CheckResult { CheckResult(isMet: true, text: zh ? chinese : en) }
    func unmet(_ en: String, _ chinese: String) -> CheckResult { CheckResult(isMet: false, text: zh ? chinese : en) }
    switch self {
    case .imageExists(let r):
      return probe.imageID(r) != nil ? met("image \(r) exists", "镜像 \(r) 已存在") : unmet("there is no image \(r) yet", "本地还没有镜像 \(r)")
    case .imageAbsent(let r):
      guard let id = probe.imageID(r) else { return met("image \(r) is gone", "镜像 \(r) 已删除") }
      return unmet("image \(r) is still there (\(short(id)))", "镜像 \(r) 还在（\(short(id))）")
    case .imageUnchanged(let r):
      let before = Probe(start).imageID(r)
      guard let now = probe.imageID(r) else {
        return unmet("image \(r) is gone; it should stay unchanged", "镜像 \(r) 不见了，它应当保持不变")
      }
      if now == before { return met("image \(r) is unchanged (\(short(now)))", "镜像 \(r) 没有改变（\(short(now))）") }
      let was = before.map(short) ?? "-"
      return unmet("\(r) now names image \(short(now)); it was \(was)", "\(r) 现在指向镜像 \(short(now))，原来是 \(was)")
    case .sameImage(let a, let b):
      guard let idA = probe.imageID(a) else { return unmet("there is no image \(a) yet", "本地还没有镜像 \(a)") }
      guard let idB = probe.imageID(b) else { return unmet("there is no image \(b) yet", "本地还没有镜像 \(b)") }
      if idA == idB { return met("\(a) and \(b) name one image (\(short(idA)))", "\(a) 和 \(b) 指向同一个镜像（\(short(idA))）") }
      return unmet(
        "\(a) is image \(short(idA)) and \(b) is image \(short(idB)), expected one image",
        "\(a) 是镜像 \(short(idA))，\(b) 是镜像 \(short(idB))，应当是同一个镜像")
    case .historyRows(let r, let n):
      guard let rows = probe.historyRows(r) else { return unmet("there is no image \(r) yet", "本地还没有镜像 \(r)") }
      if rows == n { return met("docker history \(r) shows \(n) rows", "docker history \(r) 显示 \(n) 行") }
      return unmet("docker history \(r) shows \(rows) rows, expected \(n)", "docker history \(r) 显示 \(rows) 行，应为 \(n) 行")
    case .layerCount(let r, let n):
      guard let layers = probe.layerCount(r) else { return unmet("there is no image \(r) yet", "本地还没有镜像 \(r)") }
      if layers == n { return met("image \(r) has \(n) layers", "镜像 \(r) 有 \(n) 层") }
      return unmet("image \(r) has \(layers) layers, expected \(n)", "镜像 \(r) 有 \(layers) 层，应为 \(n) 层")
    case .containerFrom(let r):
      guard probe.image(r) != nil else { return unmet("there is no image \(r) yet", "本地还没有镜像 \(r)") }
      return probe.containerCount(from: r) > 0
        ? met("a container was started from \(r)", "已经用 \(r) 启动了容器")
        : unmet("no container was started from \(r) yet (docker pull starts none)", "还没有用 \(r) 启动过容器（docker pull 不会启动容器）")
    case .fileIs(let path, let place, let text):
      if let missing = missingPlace(place, probe, zh) { return CheckResult(isMet: false, text: missing) }
      let (en, chinese) = placeWords(place)
      guard let content = probe.file(path, in: place) else {
        return unmet("there is no \(path) in \(en), expected \(shown(text))", "\(chinese)中没有 \(path)，应为 \(shown(text))")
      }
      if trimmedNewlines(content) == trimmedNewlines(text) {
        return met("\(path) in \(en) is \(shown(text))", "\(chinese)中的 \(path) 是 \(shown(text))")
      }
      return unmet(
        "\(path) in \(en) is \(shown(content)), expected \(shown(text))",
        "\(chinese)中的 \(path) 是 \(shown(content))，应为 \(shown(text))")
    case .fileExists(let path, let place):
      if let missing = missingPlace(place, probe, zh) { return CheckResult(isMet: false, text: missing) }
      let (en, chinese) = placeWords(place)
      return probe.file(path, in: place) != nil
        ? met("\(path) exists in \(en)", "\(chinese)中有 \(path)") : unmet("there is no \(path) in \(en)", "\(chinese)中没有 \(path)")
    case .fileAbsent(let path, let place):
      if let missing = missingPlace(place, probe, zh) { return CheckResult(isMet: false, text: missing) }
      let (en, chinese) = placeWords(place)
      return probe.file(path, in: place) == nil
        ? met("\(path) is gone from \(en)", "\(chinese)中已没有 \(path)") : unmet("\(path) is still in \(en)", "\(chinese)中还有 \(path)")
    }
  }
}

/// "there is no container yet" / "there is no image R yet" when the place itself is missing.
private func missingPlace(_ place: GoalCheck.FilePlace, _ probe: Probe, _ zh: Bool) -> String? {
  switch place {
  case .lastContainer:
    return probe.lastContainer() == nil ? (zh ? "还没有容器" : "there is no container yet") : nil
  case .image(let r):
    return probe.image(r) == nil ? (zh ? "本地还没有镜像 \(r)" : "there is no image \(r) yet") : nil
  }
}

/// The place in a sentence: ("the container", "容器"), ("image ubuntu", "镜像 ubuntu ").
private func placeWords(_ place: GoalCheck.FilePlace) -> (String, String) {
  switch place {
  case .lastContainer: ("the container", "容器")
  case .image(let r): ("image \(r)", "镜像 \(r) ")
  }
}

/// A file's text as the checklist quotes it: one line, at most 40 characters.
private func shown(_ text: String) -> String {
  var text = trimmedNewlines(text).replacingAll("\n", with: "\\n")
  if text.count > 40 { text = String(text.prefix(39)) + "…" }
  return "'" + text + "'"
}

private func short(_ id: String) -> String { String(id.prefix(12)) }

func trimmedNewlines(_ text: String) -> String {
  var text = text
  while text.hasSuffix("\n") { text.removeLast() }
  return text
}
