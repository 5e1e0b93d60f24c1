/// An execution error: Go's `template: :LINE:COL: executing "" at <CONTEXT>: MESSAGE`.
struct TemplateExecFailure: Error, Sendable {
  var position: Int
  var context: String
  var message: String
}

/// Runs parsed nodes against data, as text/template's exec.go does.
struct TemplateExecutor {
  let functions: [String: TemplateFunction]
  /// Go 1.22 and later range over an integer (Docker 28); Docker 20.10's Go cannot.
  var rangesOverIntegers = false
  /// `Option("missingkey=error")`: a missing map key is an error (docker inspect's
  /// second try, over the raw JSON).
  var missingKeyIsError = false
  var output = ""
  var variables: [(name: String, value: TemplateValue)]
  /// The node errors are reported at (Go's `state.at`).
  var atPosition = 0
  var atText = ""

  init(functions: [String: TemplateFunction], root: TemplateValue) {
    self.functions = functions
    variables = [("$", root)]
  }

  func fail(_ message: String) -> TemplateExecFailure {
    TemplateExecFailure(position: atPosition, context: atText, message: message)
  }

  mutating func at(_ operand: TemplateOperand) {
    atPosition = operand.position
    atText = operand.text
  }

  mutating func walk(_ nodes: [TemplateNode], dot: TemplateValue) throws(TemplateExecFailure) {
    for node in nodes { try walk(node, dot: dot) }
  }

  mutating func walk(_ node: TemplateNode, dot: TemplateValue) throws(TemplateExecFailure) {
    switch node {
    case .text(let text): output += text
    case .action(let pipe):
      let value = try evalPipe(pipe, dot: dot)
      if pipe.declarations.isEmpty { output += value.printed }
    case .ifNode(let pipe, let body, let otherwise):
      let mark = variables.count
      defer { variables.removeLast(variables.count - mark) }
      let value = try evalPipe(pipe, dot: dot)
      if value.isTrue {
        try walk(body, dot: dot)
      } else if let otherwise {
        try walk(otherwise, dot: dot)
      }
    case .withNode(let pipe, let body, let otherwise):
      let mark = variables.count
      defer { variables.removeLast(variables.count - mark) }
      let value = try evalPipe(pipe, dot: dot)
      if value.isTrue {
        try walk(body, dot: value)
      } else if let otherwise {
        try walk(otherwise, dot: dot)
      }
    case .rangeNode(let pipe, let body, let otherwise):
      try walkRange(pipe, body: body, otherwise: otherwise, dot: dot)
    }
  }

  mutating func walkRange(
    _ pipe: TemplatePipe, body: [TemplateNode], otherwise: [TemplateNode]?, dot: TemplateValue
  ) throws(TemplateExecFailure) {
    let mark = variables.count
    defer { variables.removeLast(variables.count - mark) }
    var bare = pipe
    bare.declarations = []
    let value = try evalPipe(bare, dot: dot)
    var items: [(TemplateValue, TemplateValue)] = []
    switch value {
    case .list(let elements, _): items = elements.enumerated().map { (.int($0.offset), $0.element) }
    case .map(let fields): items = fields.keys.sorted().map { (.string($0), fields[$0]!) }
    case .missing, .null: break
    case .int(let count) where rangesOverIntegers:
      items = (0..<max(0, count)).map { (.int($0), .int($0)) }
    default: throw fail("range can't iterate over \(value.printed)")
    }
    guard !items.isEmpty else {
      if let otherwise { try walk(otherwise, dot: dot) }
      return
    }
    for (key, element) in items {
      let inner = variables.count
      if pipe.declarations.count == 1 { variables.append((pipe.declarations[0], element)) }
      if pipe.declarations.count == 2 {
        variables.append((pipe.declarations[0], key))
        variables.append((pipe.declarations[1], element))
      }
      try walk(body, dot: element)
      variables.removeLast(variables.count - inner)
    }
  }

  mutating func evalPipe(_ pipe: TemplatePipe, dot: TemplateValue) throws(TemplateExecFailure) -> TemplateValue {
    var value: TemplateValue?
    for command in pipe.commands {
      value = try evalCommand(command, dot: dot, final: value)
    }
    let result = value ?? .missing
    for name in pipe.declarations { variables.append((name, result)) }
    return result
  }

  mutating func evalCommand(
    _ command: TemplateCommand, dot: TemplateValue, final: TemplateValue?
  ) throws(TemplateExecFailure) -> TemplateValue {
    let first = command.operands[0]
    let args = command.operands
    switch first.kind {
    case .field(let names):
      at(first)
      return try evalFieldChain(dot, names: names, args: args, final: final)
    case .function(let name):
      return try evalFunction(name, node: first, command: (command.position, command.text), args: args, dot: dot, final: final)
    case .variable(let name, let names):
      at(first)
      let value = variable(name)
      if names.isEmpty {
        try notAFunction(args, final: final)
        return value
      }
      return try evalFieldChain(value, names: names, args: args, final: final)
    case .pipe(let pipe, let names):
      if names.isEmpty { try notAFunction(args, final: final) }
      // Go does not move the error position here: a failing field names the last node evaluated.
      let value = try evalPipe(pipe, dot: dot)
      return names.isEmpty ? value : try evalFieldChain(value, names: names, args: args, final: final)
    case .dot, .bool, .number, .string, .nilValue:
      at(first)
      try notAFunction(args, final: final)
      return try literal(first, dot: dot)
    }
  }

  func literal(_ operand: TemplateOperand, dot: TemplateValue) throws(TemplateExecFailure) -> TemplateValue {
    switch operand.kind {
    case .dot: return dot
    case .bool(let b): return .bool(b)
    case .number(let n): return .int(n)
    case .string(let s): return .string(s)
    case .nilValue: throw fail("nil is not a command")
    default: return .missing
    }
  }

  func notAFunction(_ args: [TemplateOperand], final: TemplateValue?) throws(TemplateExecFailure) {
    if args.count > 1 || final != nil { throw fail("can't give argument to non-function \(args[0].text)") }
  }

  func variable(_ name: String) -> TemplateValue {
    variables.last { $0.name == name }?.value ?? .missing
  }

  /// `.A.B.C`: every step but the last takes no arguments.
  mutating func evalFieldChain(
    _ receiver: TemplateValue, names: [String], args: [TemplateOperand], final: TemplateValue?
  ) throws(TemplateExecFailure) -> TemplateValue {
    var value = receiver
    for name in names.dropLast() {
      value = try evalField(value, name: name, argumentCount: 0)
    }
    let count = args.count - 1 + (final == nil ? 0 : 1)
    return try evalField(value, name: names[names.count - 1], argumentCount: count)
  }

  func evalField(_ receiver: TemplateValue, name: String, argumentCount: Int) throws(TemplateExecFailure) -> TemplateValue {
    switch receiver {
    case .missing: return .missing
    case .null: throw fail("nil pointer evaluating interface {}.\(name)")
    case .record(let typeName, let fields), .structure(let typeName, _, let fields):
      // Docker's context fields are methods: arguments are a count error.
      guard let value = fields[name] else { throw fail("can't evaluate field \(name) in type \(typeName)") }
      if argumentCount > 0 { throw fail("wrong number of args for \(name): want 0 got \(argumentCount)") }
      return value
    case .map(let fields):
      if argumentCount > 0 { throw fail("\(name) is not a method but has arguments") }
      if missingKeyIsError, fields[name] == nil { throw fail("map has no entry for key \(GoQuote.quote(name))") }
      return fields[name] ?? .missing
    default:
      throw fail("can't evaluate field \(name) in type \(receiver.goTypeName)")
    }
  }

  /// Calls a function; a failing call is reported at the whole command (`<eq .Tag 3>`).
  mutating func evalFunction(
    _ name: String, node: TemplateOperand, command: (position: Int, text: String), args: [TemplateOperand],
    dot: TemplateValue, final: TemplateValue?
  ) throws(TemplateExecFailure) -> TemplateValue {
    at(node)
    if name == "and" || name == "or" { return try evalShortCircuit(name, args: args, dot: dot, final: final) }
    guard let function = functions[name] else { throw fail("\(GoQuote.quote(name)) is not a defined function") }
    let count = args.count - 1 + (final == nil ? 0 : 1)
    let fixed = function.variadic ? function.parameters.count - 1 : function.parameters.count
    if function.variadic ? count < fixed : count != fixed {
      let want = function.variadic ? "at least \(fixed)" : "\(fixed)"
      throw fail("wrong number of args for \(name): want \(want) got \(count)")
    }
    var values: [TemplateValue] = []
    for (index, arg) in args.dropFirst().enumerated() {
      values.append(try evalArg(arg, type: parameter(function, index), dot: dot))
    }
    if let final { values.append(try validate(final, type: parameter(function, values.count))) }
    do {
      return try function.body(values)
    } catch {
      atPosition = command.position
      atText = command.text
      throw fail("error calling \(name): \(error.message)")
    }
  }

  func parameter(_ function: TemplateFunction, _ index: Int) -> TemplateFunction.Parameter {
    index < function.parameters.count ? function.parameters[index] : function.parameters[function.parameters.count - 1]
  }

  /// `and`/`or` evaluate their arguments lazily and return the deciding one.
  mutating func evalShortCircuit(
    _ name: String, args: [TemplateOperand], dot: TemplateValue, final: TemplateValue?
  ) throws(TemplateExecFailure) -> TemplateValue {
    let count = args.count - 1 + (final == nil ? 0 : 1)
    if count < 1 { throw fail("wrong number of args for \(name): want at least 1 got 0") }
    var value = TemplateValue.missing
    for arg in args.dropFirst() {
      value = try evalArg(arg, type: .any, dot: dot)
      if value.isTrue != (name == "and") { return value }
    }
    if let final { value = final }
    return value
  }

  mutating func evalArg(
    _ operand: TemplateOperand, type: TemplateFunction.Parameter, dot: TemplateValue
  ) throws(TemplateExecFailure) -> TemplateValue {
    at(operand)
    switch operand.kind {
    case .dot: return try validate(dot, type: type)
    case .field(let names): return try validate(evalFieldChain(dot, names: names, args: [operand], final: nil), type: type)
    case .variable, .pipe:
      let command = TemplateCommand(position: operand.position, operands: [operand])
      let value = try evalCommand(command, dot: dot, final: nil)
      at(operand)
      return try validate(value, type: type)
    case .function(let name):
      let value = try evalFunction(
        name, node: operand, command: (operand.position, operand.text), args: [operand], dot: dot, final: nil)
      at(operand)
      return try validate(value, type: type)
    case .nilValue:
      guard type == .any || type == .stringList else { throw fail("cannot assign nil to \(type.goName)") }
      return .null
    case .string(let s):
      guard type == .string || type == .any else { throw mismatch(type, operand) }
      return .string(s)
    case .number(let n):
      guard type == .int || type == .any else { throw mismatch(type, operand) }
      return .int(n)
    case .bool(let b):
      guard type == .any else { throw mismatch(type, operand) }
      return .bool(b)
    }
  }

  func mismatch(_ type: TemplateFunction.Parameter, _ operand: TemplateOperand) -> TemplateExecFailure {
    switch type {
    case .string: fail("expected string; found \(operand.text)")
    case .int: fail("expected integer; found \(operand.text)")
    default: fail("can't handle \(operand.text) for arg of type \(type.goName)")
    }
  }

  func validate(_ value: TemplateValue, type: TemplateFunction.Parameter) throws(TemplateExecFailure) -> TemplateValue {
    if value == .missing {
      switch type {
      case .any: return .null
      case .stringList: return .list([], elementType: "string")
      default: throw fail("invalid value; expected \(type.goName)")
      }
    }
    switch (type, value) {
    case (.any, _), (.string, .string), (.int, .int), (.stringList, .list(_, "string")): return value
    default: throw fail("wrong type for value; expected \(type.goName); got \(value.goTypeName)")
    }
  }
}
