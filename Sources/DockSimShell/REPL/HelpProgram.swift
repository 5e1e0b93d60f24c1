import DockSimCore

/// `help`: what docksim can do, in the session's language.
struct HelpProgram: Program {
  func run(_ invocation: Invocation, session: inout Session, console: inout Console) -> Int32 {
    console.write(Self.text(session.settings.language))
    return 0
  }

  static func text(_ language: Language) -> String {
    switch language {
    case .en: english
    case .zh: chinese
    }
  }

  static let english = """
    docksim simulates a Docker host: nothing here touches your real machine.

    Docker:      docker pull, images, run, ps, exec, commit, build, ... (docker --help lists them)
    Teaching:    layers, trace, whence, tree, explain, lang (each takes --help)
    Shell:       cd, ls, cat, echo, export, exit, ... on the host and inside containers
    docksim:     help, history, clear, quit

    `docker run -it ubuntu bash` opens a shell in a container; `exit` or Ctrl-D leaves it.

    Keys:  Tab completes (twice lists the choices), Up/Down walk the history,
           Ctrl-A/Ctrl-E go to the start/end of the line, Ctrl-C drops the line,
           Ctrl-D on an empty line leaves.

    """

  static let chinese = """
    docksim 模拟一台 Docker 主机：这里的一切都不会触碰你的真实机器。

    Docker 命令：docker pull、images、run、ps、exec、commit、build……（docker --help 列出全部）
    教学命令：  layers、trace、whence、tree、explain、lang（都支持 --help）
    Shell 命令：cd、ls、cat、echo、export、exit……主机和容器里都能用
    docksim：   help、history、clear、quit

    `docker run -it ubuntu bash` 进入容器里的 shell；`exit` 或 Ctrl-D 离开。

    按键：Tab 补全（按两次列出候选），上/下方向键翻历史，
          Ctrl-A/Ctrl-E 到行首/行尾，Ctrl-C 放弃当前行，
          空行上按 Ctrl-D 退出。

    """
}
