# fish completion for docksim: its own options, subcommands and the built-in lessons.
# Installed by scripts/dist as /usr/share/fish/vendor_completions.d/docksim.fish.

set -l subcommands lesson record help
set -l lessons @LESSONS@

complete -c docksim -f
complete -c docksim -n "not __fish_seen_subcommand_from $subcommands" -a lesson -d 'List, play or check the lessons'
complete -c docksim -n "not __fish_seen_subcommand_from $subcommands" -a record -d 'Record a session as a lesson file'
complete -c docksim -n "not __fish_seen_subcommand_from $subcommands" -a help -d 'Show help'
complete -c docksim -n "not __fish_seen_subcommand_from $subcommands" -l lang -x -a 'zh en' -d 'Language of docksim messages'
complete -c docksim -n "not __fish_seen_subcommand_from $subcommands" -l no-color -d 'No colour'
complete -c docksim -n "not __fish_seen_subcommand_from $subcommands" -l docker-version -x -a '20.10 28' -d 'Docker release to reproduce'
complete -c docksim -n "not __fish_seen_subcommand_from $subcommands" -l clock -x -d 'Start of the simulated clock'
complete -c docksim -n "not __fish_seen_subcommand_from $subcommands" -l hub -r -F -d 'A Hub catalog file to add'
complete -c docksim -n "not __fish_seen_subcommand_from $subcommands" -l script -r -F -d 'Run the commands in FILE'
complete -c docksim -n "not __fish_seen_subcommand_from $subcommands" -l echo -d 'Print each command before its output'
complete -c docksim -n "not __fish_seen_subcommand_from $subcommands" -l fail-fast -d 'Stop at the first failing command'
complete -c docksim -n "not __fish_seen_subcommand_from $subcommands" -l version -d 'Show the version'
complete -c docksim -s h -l help -d 'Show help'

complete -c docksim -n "__fish_seen_subcommand_from lesson" -a "$lessons"
complete -c docksim -n "__fish_seen_subcommand_from lesson" -l check -d 'Compare every output with the expected text'
complete -c docksim -n "__fish_seen_subcommand_from lesson" -l bless -d 'Rewrite the expected outputs'
complete -c docksim -n "__fish_seen_subcommand_from lesson" -l auto -d 'Play without waiting for Enter'
complete -c docksim -n "__fish_seen_subcommand_from lesson" -l delay -x -d 'Milliseconds between typed characters'
complete -c docksim -n "__fish_seen_subcommand_from lesson" -l lessons -x -a '(__fish_complete_directories)' -d 'Read lessons from DIR'
complete -c docksim -n "__fish_seen_subcommand_from lesson" -l lang -x -a 'zh en' -d 'Language of the lessons'

complete -c docksim -n "__fish_seen_subcommand_from record" -F
complete -c docksim -n "__fish_seen_subcommand_from record" -l title -x -d 'The lesson title'
complete -c docksim -n "__fish_seen_subcommand_from record" -l lang -x -a 'zh en' -d 'The lesson language'
complete -c docksim -n "__fish_seen_subcommand_from record" -l seed -x -d 'Seed of container names and IDs'

complete -c docksim -n "__fish_seen_subcommand_from help" -a 'lesson record'
