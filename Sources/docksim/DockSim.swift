import ArgumentParser
import DockSimCommands
import DockSimCore
import DockSimLessons
import DockSimTerminal

/// The `docksim` command. (Placeholder: the terminal work fills this in.)
@main
struct DockSim: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "docksim", abstract: "A Docker simulator for the classroom.")
  mutating func run() throws {}
}
