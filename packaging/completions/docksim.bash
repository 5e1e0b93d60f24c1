# bash completion for docksim: its own options, subcommands and the built-in lessons.
# Installed by scripts/dist as /usr/share/bash-completion/completions/docksim.

_docksim() {
  local cur prev
  cur="${COMP_WORDS[COMP_CWORD]}"
  prev="${COMP_WORDS[COMP_CWORD-1]}"
  local root_options="--lang --no-color --docker-version --clock --hub --script --echo --fail-fast --version --help -h"
  local lesson_options="--check --bless --auto --delay --lessons --lang --help -h"
  local record_options="--title --lang --seed --help -h"
  local lessons="@LESSONS@"

  case "$prev" in
    --lang) COMPREPLY=($(compgen -W "zh en" -- "$cur")); return ;;
    --docker-version) COMPREPLY=($(compgen -W "20.10 28" -- "$cur")); return ;;
    --script|--hub) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --lessons) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --clock|--delay|--title|--seed) return ;;
  esac

  # The subcommand is the first word that is neither an option nor an option's value.
  local i word command=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="${COMP_WORDS[i]}"
    case "$word" in
      --lang|--docker-version|--clock|--hub|--script|--delay|--lessons|--title|--seed) ((i++)) ;;
      -*) ;;
      *) command="$word"; break ;;
    esac
  done

  case "$command" in
    lesson)
      if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$lesson_options" -- "$cur"))
      else COMPREPLY=($(compgen -W "$lessons" -- "$cur")); fi ;;
    record)
      if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$record_options" -- "$cur"))
      else COMPREPLY=($(compgen -f -- "$cur")); fi ;;
    help) COMPREPLY=($(compgen -W "lesson record" -- "$cur")) ;;
    "")
      if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$root_options" -- "$cur"))
      else COMPREPLY=($(compgen -W "lesson record help" -- "$cur")); fi ;;
  esac
}
complete -F _docksim docksim
