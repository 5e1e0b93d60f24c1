import DockSimCore

/// Where the teaching commands find images and containers. Each function is the one
/// place that knows how the image and container stores are shaped.
enum TeachingWorld {
  /// The image view and layer names of a container's image, for trace lines.
  static func traceContext(container id: String, in session: Session) -> TraceContext {
    let fs = ShellSeams.containerFilesystem(id, in: session)
    return TraceContext(image: fs.image, labels: LayerLabels(image: "?", count: fs.image.layers.count))
  }
}
