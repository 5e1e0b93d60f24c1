@testable import DockSimLessons

/// A small lesson used across the tests. Its expected outputs are written by `--bless`
/// in the tests themselves, so the tests hold whatever the commands print today.
let fixtureLesson = """
  ---
  title: "A fixture"
  lang: en
  docker: 20.10
  clock: 2020-01-15T10:00:00Z
  seed: 42
  ---

  # A fixture

  Some narration, with **Markdown**.

  ```docksim
  $ docker images
  $ docker ps
  ```

  More narration between blocks.

  ```dockerfile
  FROM ubuntu
  ```

  ```docksim
  $ echo hello
  ```

  Closing words.
  """

func parse(_ text: String, path: String = "en/01-fixture.md") throws -> Lesson {
  try LessonParser.parse(text, path: path)
}

/// The fixture with its outputs filled in by the blesser.
func blessedFixture() throws -> Lesson {
  let lesson = try parse(fixtureLesson)
  return try parse(Blesser.blessedText(LessonRun(lesson)))
}
