#!/usr/bin/env bash
# run_case.sh RGV EXIT STREAM REGEX ARGS... — one CLI test case (tests/cli/CMakeLists.txt).
# STREAM is stdout, stderr or file:PATH (a file the command writes). Special ARGS:
#   <PATH        feed PATH on stdin
#   @big:PATH    generate a 100 MB (104857600 bytes) file at PATH first, pass PATH
set -u
rgv=$1 want_exit=$2 stream=$3 regex=$4
shift 4
args=() stdin=/dev/null
for a in "$@"; do
  case "$a" in
    "<"*) stdin=${a#<} ;;
    @big:*) big=${a#@big:}
            [ -f "$big" ] && [ "$(stat -c %s "$big")" = 104857600 ] || head -c 104857600 /dev/zero | tr '\0' ' ' > "$big"
            args+=("$big") ;;
    *) args+=("$a") ;;
  esac
done
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
"$rgv" "${args[@]}" <"$stdin" >"$out" 2>"$err"
got_exit=$?
case "$stream" in
  stdout) text=$(tr '\n' ' ' <"$out") ;;
  stderr) text=$(tr '\n' ' ' <"$err") ;;
  file:*) text=$(tr '\n' ' ' <"${stream#file:}" 2>/dev/null) ;;
esac
if [ "$got_exit" != "$want_exit" ]; then
  echo "exit code $got_exit, expected $want_exit"; echo "--- stdout"; cat "$out"; echo "--- stderr"; cat "$err"; exit 1
fi
if ! grep -Eq -- "$regex" <<<"$text"; then
  echo "$stream does not match: $regex"; echo "--- stdout"; cat "$out"; echo "--- stderr"; cat "$err"; exit 1
fi
# Errors are one line each: no stack traces, no multi-line dumps (usage text aside).
if [ "$want_exit" = 1 ] && [ "$(wc -l <"$err")" -gt 1 ] && ! grep -q warning "$err"; then
  echo "stderr has more than one line:"; cat "$err"; exit 1
fi
echo ok
