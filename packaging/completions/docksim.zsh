#compdef docksim
# zsh completion for docksim: its own options, subcommands and the built-in lessons.
# Installed by scripts/dist as /usr/share/zsh/vendor-completions/_docksim.

_docksim() {
  local -a lessons
  lessons=(@LESSONS@)
  local context state state_descr line
  typeset -A opt_args

  _arguments -C \
    '--lang[language of docksim messages]:language:(zh en)' \
    '--no-color[no colour]' \
    '--docker-version[Docker release whose output to reproduce]:version:(20.10 28)' \
    '--clock[start of the simulated clock]:ISO-8601 time:' \
    '*--hub[a Hub catalog file to add]:catalog:_files' \
    '--script[run the commands in FILE]:script:_files' \
    '--echo[print each command before its output]' \
    '--fail-fast[stop at the first failing command]' \
    '--version[show the version]' \
    '(-h --help)'{-h,--help}'[show help]' \
    '1: :->command' \
    '*:: :->arguments'

  case $state in
    command)
      local -a commands
      commands=('lesson:list, play or check the lessons' 'record:record a session as a lesson file' 'help:show help')
      _describe command commands ;;
    arguments)
      case $line[1] in
        lesson)
          _arguments \
            '--check[compare every output with the expected text]' \
            '--bless[rewrite the expected outputs]' \
            '--auto[play without waiting for Enter]' \
            '--delay[milliseconds between typed characters]:milliseconds:' \
            '--lessons[read lessons from DIR]:folder:_files -/' \
            '--lang[language of the lessons]:language:(zh en)' \
            '(-h --help)'{-h,--help}'[show help]' \
            '*:lesson:($lessons)' ;;
        record)
          _arguments \
            '--title[the lesson title]:title:' \
            '--lang[the lesson language]:language:(zh en)' \
            '--seed[seed of container names and IDs]:seed:' \
            '(-h --help)'{-h,--help}'[show help]' \
            '1:lesson file:_files' ;;
        help) _values subcommand lesson record ;;
      esac ;;
  esac
}

_docksim "$@"
