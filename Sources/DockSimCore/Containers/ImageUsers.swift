extension Engine {
  /// Every container as a user of its image, for `docker rmi`'s conflict rules
  /// (`engine.removeImage(text, force:, users: engine.imageUsers)`).
  public var imageUsers: [ImageUser] {
    containers.all.map { container in
      ImageUser(
        containerID: container.id, imageID: container.imageID, running: container.state.running,
        layerChainIDs: images.image(container.imageID)?.chainIDs ?? [])
    }
  }
}
