# bench/common.sh — sourced by the benchmark scripts (run.sh, load.sh, render.sh): the
# environment from the project's set-up, and release builds of one target, natively or
# with emcc, each in its own build folder.
#
#   . "$here/common.sh"
#   bench_build_native DIR TARGET
#   bench_build_web DIR TARGET
[ -f "$repo/.cache/env.sh" ] && . "$repo/.cache/env.sh"

bench_build_native() {
    cmake -S "$repo" -B "$1" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$1" --target "$2" >/dev/null
}

bench_build_web() {
    cmake -S "$repo" -B "$1" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_TOOLCHAIN_FILE="$RGV_EMSCRIPTEN_TOOLCHAIN" >/dev/null
    cmake --build "$1" --target "$2" >/dev/null
}
