# The tree every corpus line starts from (POSIX sh; run in the scratch directory).
mkdir -p docs src/lib empty proj
printf 'alpha\nbeta\ngamma\ndelta\nalpha beta\n' > words.txt
printf 'hello world\n' > hello.txt
printf 'b,2,x\na,10,z\nc,3,y\na,1,w\n' > data.csv
printf 'one\ttab\nline two\n' > tabs.txt
printf 'no newline' > nonl.txt
printf '#!/bin/bash\necho "run: $0 $#" "$@"\n' > run.sh
printf '#!/bin/sh\necho "sh script: $1"\nexit 3\n' > s.sh
printf 'echo "plain: $0 $1"\n' > plain.sh
printf 'echo "no shebang: $0 $1"\n' > noshebang.sh
printf '#!/bin/zsh\necho z\n' > zsh.sh
printf '#!/usr/bin/env bash\necho "env: $0 $*"\n' > envbash.sh
printf 'count=3\nname=fixture\n' > vars.sh
chmod 755 run.sh s.sh noshebang.sh zsh.sh envbash.sh
chmod 644 plain.sh vars.sh
echo readme > docs/README.md
echo 'int main(void) { return 0; }' > src/main.c
echo 'lib' > src/lib/util.c
ln -s hello.txt link.txt
ln -s missing dangling
