import DockSimShell
import DockSimCore

/// The REPL's greeting (never printed in script mode).
enum Banner {
  static func text(settings: Settings) -> String {
    let docker = settings.dockerVersion.fullVersion
    switch settings.language {
    case .zh:
      return "docksim \(BuildVersion.version)：课堂用的 Docker 模拟器（模拟 Docker \(docker)）。输入 help 查看帮助，Ctrl-D 退出。\n"
    case .en:
      return "docksim \(BuildVersion.version): a Docker simulator for the classroom (Docker \(docker)). Type help for help, Ctrl-D to leave.\n"
    }
  }
}
