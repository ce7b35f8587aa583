#!/usr/bin/env bash
# emsdk-setup.sh — everything rgv needs on a fresh Debian 12 machine, offline but for
# Debian's archive and npm. Idempotent: a second run only checks and takes seconds.
#
# Steps (each says what it does; a failure names the step):
#   1. system packages     compilers, SDL2/GL/json/doctest dev files, Xvfb, xdotool, Chromium, a font
#   2. emscripten          an activated emsdk on PATH if there is one, else Debian's emcc
#   3. sources             SDL2, Dear ImGui, HarfBuzz, FriBidi as Debian source packages, pinned and checked
#   4. SDL2 for wasm       built once with emcc into the cache, reused afterwards
#   5. npm packages        playwright-core from the committed lock file
#
# Output: $RGV_CACHE/env.sh, sourced by CMake presets' callers (tools/rgv-dev), which
# exports NODE_PATH and the cache paths.
#
# Environment:
#   RGV_CACHE        cache folder (default: <repo>/.cache, ignored by git)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${RGV_CACHE:-$ROOT/.cache}"

# Pinned upstream versions: the build is tested against exactly these.
SDL2_DEB_VERSION="2.26.5+dfsg-1"
SDL2_UPSTREAM="2.26.5"
SDL2_ORIG_SHA256="b3f2c822151804125d08db94c65852f711c2e5df2145a59da120748dc32eb9c3"
IMGUI_DEB_VERSION="1.92.2b+ds-1"  # bookworm has 1.86 only: from forky's source packages
IMGUI_UPSTREAM="1.92.2b"
IMGUI_ORIG_SHA256="e7bd201d56b5ee90d24d5dac85e5c12f98bdb95410252a62d27b7f89e4566d48"
IMGUI_SUITE="forky"
# Text shaping and direction for the wasm build (natively: the same versions' -dev packages).
HARFBUZZ_DEB_VERSION="6.0.0+dfsg-3"
HARFBUZZ_UPSTREAM="6.0.0"
HARFBUZZ_ORIG_SHA256="89266cb363e49b6aa999eda04ca25b0d234a69ad9304679631371f4697652368"
FRIBIDI_DEB_VERSION="1.0.8-2.1"
FRIBIDI_UPSTREAM="1.0.8"
FRIBIDI_ORIG_SHA256="94c7b68d86ad2a9613b4dcffe7bbeb03523d63b5b37918bdf2e4ef34195c1e6c"

STEP="start"
say()  { printf '\033[1m[rgv-setup]\033[0m %s\n' "$*"; }
step() { STEP="$1"; say "step: $1"; }
fail() { printf '\033[31m[rgv-setup] FAILED at step "%s": %s\033[0m\n' "$STEP" "$*" >&2; exit 1; }
trap 'fail "command exited with status $? (line $LINENO): $BASH_COMMAND"' ERR

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

mkdir -p "$CACHE"

# ---------------------------------------------------------------------------------
step "1. system packages"
PKGS=(build-essential cmake ninja-build pkg-config python3 dpkg-dev
      libsdl2-dev libgl-dev nlohmann-json3-dev doctest-dev
      xvfb xauth xdotool chromium fonts-dejavu-core nodejs npm
      clang-14 libclang-rt-14-dev   # libFuzzer + sanitizer runtimes for tools/fuzz.sh
      libharfbuzz-dev libfribidi-dev  # shaping and direction (src/text)
      fonts-noto-core fonts-noto-cjk fonts-symbola unicode-data python3-fonttools python3-jieba
      libharfbuzz-bin)  # font pieces (tools/fonts/build_pieces.py); hb-shape for the shaping tests
missing=()
for p in "${PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# npm from the machine's own node install counts (Debian's npm would fight it).
if command -v npm >/dev/null && command -v node >/dev/null; then
    missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
want=()
for p in "${missing[@]}"; do [ -n "$p" ] && want+=("$p"); done
APT_UPDATED=0
apt_update() { [ "$APT_UPDATED" = 1 ] || { as_root apt-get update -qq; APT_UPDATED=1; }; }
if [ "${#want[@]}" -gt 0 ]; then
    say "installing: ${want[*]}"
    apt_update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
else
    say "all present"
fi

# ---------------------------------------------------------------------------------
step "2. emscripten"
if command -v emcc >/dev/null && [ -n "${EMSDK:-}" ]; then
    say "using the activated emsdk at $EMSDK"
else
    if ! command -v emcc >/dev/null; then
        say "installing Debian's emscripten package"
        apt_update
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq emscripten >/dev/null
    fi
    # Debian's emcc needs acorn & co. from Debian's node modules for its JS optimizer.
    export NODE_PATH=/usr/share/nodejs
fi
# The whole output first: `| head -1` closes the pipe while emcc still prints, and emcc
# then dies of BrokenPipeError (seen on a fresh clone), failing the step.
EMCC_VERSION_TEXT="$(emcc --version)"
EMCC_VERSION="$(printf '%s\n' "$EMCC_VERSION_TEXT" | sed -n '1s/.* \([0-9][0-9]*\.[0-9][0-9]*\.[0-9][0-9]*\).*/\1/p')"
say "emcc $EMCC_VERSION"
command -v emcmake >/dev/null || fail "emcmake not found next to emcc"
EM_TOOLCHAIN="$(dirname "$(readlink -f "$(command -v emcc)")")/cmake/Modules/Platform/Emscripten.cmake"
[ -f "$EM_TOOLCHAIN" ] || fail "Emscripten's CMake toolchain file not found at $EM_TOOLCHAIN"

# ---------------------------------------------------------------------------------
step "3. sources (SDL2 $SDL2_UPSTREAM, Dear ImGui $IMGUI_UPSTREAM from Debian source packages)"
SRC="$CACHE/src"
mkdir -p "$SRC"
ensure_deb_src() {
    # apt-get source needs deb-src lines; add them next to the existing deb ones.
    if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
        say "adding deb-src entries"
        if [ -f /etc/apt/sources.list.d/debian.sources ]; then
            sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
                | as_root tee /etc/apt/sources.list.d/rgv-deb-src.sources >/dev/null
        else
            grep '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' \
                | as_root tee /etc/apt/sources.list.d/rgv-deb-src.list >/dev/null
        fi
        APT_UPDATED=0
    fi
    apt_update
}
suite_apt() { # suite apt-get-args...: apt-get on a private deb-src list of Debian's <suite>
    # (in $CACHE/apt-<suite>), so the system's apt set-up is not touched
    local suite="$1" d="$CACHE/apt-$1"
    shift
    mkdir -p "$d/lists/partial" "$d/cache/archives/partial"
    printf '%s\n' "Types: deb-src" "URIs: http://deb.debian.org/debian" "Suites: $suite" "Components: main" \
        "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg" > "$d/$suite-src.sources"
    apt-get -o Dir::Etc::sourcelist=/dev/null -o Dir::Etc::sourceparts="$d" -o Dir::State::Lists="$d/lists" \
        -o Dir::Cache="$d/cache" "$@"
}
fetch_source() { # name debversion upstream sha256 dir-glob [suite: Debian's, not the system's]
    local name="$1" debver="$2" up="$3" sha="$4" dir="$5" suite="${6:-}"
    if [ -d "$SRC/$dir" ] && [ -f "$SRC/$dir/.rgv-ok" ]; then
        say "$name $up: cached"
        return
    fi
    if [ -n "$suite" ]; then
        suite_apt "$suite" update -qq || fail "apt-get update of Debian $suite's sources (in $CACHE/apt-$suite)"
        ( cd "$SRC" && suite_apt "$suite" source --download-only -qq "$name=$debver" ) \
            || fail "apt-get source $name=$debver from $suite (is that version still in the archive?)"
    else
        ensure_deb_src
        ( cd "$SRC" && apt-get source --download-only -qq "$name=$debver" ) \
            || fail "apt-get source $name=$debver (is that version still in the archive?)"
    fi
    local orig
    orig="$(ls "$SRC"/"${name}"_"${up}"*.orig.tar.* 2>/dev/null | head -1)"
    [ -n "$orig" ] || fail "no orig tarball for $name $up in $SRC"
    local got
    got="$(sha256sum "$orig" | cut -d' ' -f1)"
    if [ "$got" != "$sha" ]; then
        fail "checksum mismatch for $(basename "$orig"): expected $sha, got $got"
    fi
    rm -rf "${SRC:?}/$dir"
    mkdir -p "$SRC/$dir"
    tar -xf "$orig" -C "$SRC/$dir" --strip-components=1
    touch "$SRC/$dir/.rgv-ok"
    say "$name $up: unpacked into $SRC/$dir"
}
fetch_source libsdl2 "$SDL2_DEB_VERSION" "$SDL2_UPSTREAM" "$SDL2_ORIG_SHA256" "SDL2-$SDL2_UPSTREAM"
fetch_source imgui "$IMGUI_DEB_VERSION" "$IMGUI_UPSTREAM" "$IMGUI_ORIG_SHA256" "imgui-$IMGUI_UPSTREAM" "$IMGUI_SUITE"
[ -f "$SRC/imgui-$IMGUI_UPSTREAM/backends/imgui_impl_sdl2.cpp" ] || fail "imgui source has no backends/imgui_impl_sdl2.cpp"
# HarfBuzz is compiled for wasm from its one-file amalgamation (src/harfbuzz.cc) and
# FriBidi from lib/*.c with the tables its release tarball already carries; CMake does both.
fetch_source harfbuzz "$HARFBUZZ_DEB_VERSION" "$HARFBUZZ_UPSTREAM" "$HARFBUZZ_ORIG_SHA256" "harfbuzz-$HARFBUZZ_UPSTREAM"
[ -f "$SRC/harfbuzz-$HARFBUZZ_UPSTREAM/src/harfbuzz.cc" ] || fail "harfbuzz source has no src/harfbuzz.cc"
fetch_source fribidi "$FRIBIDI_DEB_VERSION" "$FRIBIDI_UPSTREAM" "$FRIBIDI_ORIG_SHA256" "fribidi-$FRIBIDI_UPSTREAM"
[ -f "$SRC/fribidi-$FRIBIDI_UPSTREAM/lib/bidi-type.tab.i" ] || fail "fribidi source has no generated tables (lib/bidi-type.tab.i)"

# ---------------------------------------------------------------------------------
step "4. SDL2 $SDL2_UPSTREAM for wasm"
# Only what the viewer uses: video (WebGL through SDL's GL context), events, timers, misc
# (SDL_OpenURL). Audio, joysticks, haptics, sensors, HIDAPI, power, locale, filesystem, the
# 2D renderer and dlopen are off (gamepads answer from SDL's dummy driver), and it is built
# for size: the wasm download is what a host page pays. The folder's name carries a hash
# of these flags, so a build with other flags is never taken from the cache.
SDL2_WASM_FLAGS=(-DCMAKE_BUILD_TYPE=Release "-DCMAKE_C_FLAGS_RELEASE=-Oz -DNDEBUG"
    -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF
    -DSDL_AUDIO=OFF -DSDL_JOYSTICK=OFF -DSDL_HAPTIC=OFF -DSDL_SENSOR=OFF -DSDL_HIDAPI=OFF
    -DSDL_POWER=OFF -DSDL_LOCALE=OFF -DSDL_FILESYSTEM=OFF -DSDL_RENDER=OFF -DSDL_LOADSO=OFF)
SDL2_WASM_TAG="$(printf '%s\n' "${SDL2_WASM_FLAGS[@]}" | sha256sum | cut -c1-8)"
SDL2_WASM="$CACHE/sdl2-wasm-$SDL2_UPSTREAM-emcc$EMCC_VERSION-$SDL2_WASM_TAG"
if [ -f "$SDL2_WASM/lib/libSDL2.a" ] && [ -f "$SDL2_WASM/.rgv-ok" ]; then
    say "cached at $SDL2_WASM"
else
    # SDL's configure runs some 160 feature checks, each an emcc call: over 3 minutes of a
    # fresh machine's set-up, for answers that only change with SDL, emcc or these flags.
    # Like autoconf's config.cache, the answers for this exact combination are kept in
    # tools/sdl2-wasm/ and given to CMake with -C, which then skips those checks (same
    # SDL_config.h, same build.ninja: checked when the file was recorded). Without a
    # recorded file the checks run, and their answers are written out to be recorded.
    SDL2_CHECKS="$ROOT/tools/sdl2-wasm/checks-$SDL2_UPSTREAM-emcc$EMCC_VERSION-$SDL2_WASM_TAG.cmake"
    SDL2_BUILD="$CACHE/sdl2-wasm-build-$SDL2_WASM_TAG"
    checks_args=()
    if [ -f "$SDL2_CHECKS" ]; then
        checks_args=(-C "$SDL2_CHECKS")
        say "building (about 30 s on 2 cores, once; configure checks from ${SDL2_CHECKS#"$ROOT"/})"
    else
        say "building (about 4 minutes on 2 cores, once: no recorded configure checks for this emcc)"
    fi
    rm -rf "$SDL2_BUILD"
    emcmake cmake "${checks_args[@]}" -S "$SRC/SDL2-$SDL2_UPSTREAM" -B "$SDL2_BUILD" -G Ninja \
        "${SDL2_WASM_FLAGS[@]}" -DCMAKE_INSTALL_PREFIX="$SDL2_WASM" > "$CACHE/sdl2-wasm-configure-$SDL2_WASM_TAG.log" 2>&1 \
        || fail "SDL2 wasm configure, see $CACHE/sdl2-wasm-configure-$SDL2_WASM_TAG.log"
    if [ ! -f "$SDL2_CHECKS" ]; then
        {
            echo "# SDL $SDL2_UPSTREAM's configure checks under emcc $EMCC_VERSION with the flags of"
            echo "# emsdk-setup.sh step 4 (tag $SDL2_WASM_TAG), recorded from a full configure: passed"
            echo "# to CMake with -C so that it skips them. Remade by deleting this file."
            grep -E '^(HAVE_[A-Za-z0-9_]*|LIBC_IS_GLIBC|STDC_HEADERS):INTERNAL=' "$SDL2_BUILD/CMakeCache.txt" \
                | sed -E 's/^([^:]+):INTERNAL=(.*)$/set(\1 "\2" CACHE INTERNAL "")/'
        } > "$CACHE/$(basename "$SDL2_CHECKS")"
        say "configure checks written to $CACHE/$(basename "$SDL2_CHECKS");" \
            "copy it into tools/sdl2-wasm/ to skip them on the next fresh machine"
    fi
    cmake --build "$SDL2_BUILD" -j 2 > "$CACHE/sdl2-wasm-build-$SDL2_WASM_TAG.log" 2>&1 \
        || fail "SDL2 wasm build, see $CACHE/sdl2-wasm-build-$SDL2_WASM_TAG.log"
    cmake --install "$SDL2_BUILD" > /dev/null \
        || fail "SDL2 wasm install"
    touch "$SDL2_WASM/.rgv-ok"
    rm -rf "$SDL2_BUILD"
fi

# ---------------------------------------------------------------------------------
step "5. npm packages"
# npm ci only when the lock file changed since the last install (npm writes its own
# copy into node_modules/.package-lock.json).
if [ ! -f "$ROOT/node_modules/.package-lock.json" ] \
   || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    ( cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error ) || fail "npm ci"
else
    say "node_modules up to date"
fi

# ---------------------------------------------------------------------------------
step "6. environment file"
{
    echo "# written by emsdk-setup.sh; source it before building"
    echo "export RGV_CACHE='$CACHE'"
    [ -n "${EMSDK:-}" ] || echo "export NODE_PATH='/usr/share/nodejs'"
    echo "export RGV_SDL2_WASM='$SDL2_WASM'"
    echo "export RGV_EMSCRIPTEN_TOOLCHAIN='$EM_TOOLCHAIN'"
    echo "export RGV_IMGUI_DIR='$SRC/imgui-$IMGUI_UPSTREAM'"
    echo "export RGV_HARFBUZZ_DIR='$SRC/harfbuzz-$HARFBUZZ_UPSTREAM'"
    echo "export RGV_FRIBIDI_DIR='$SRC/fribidi-$FRIBIDI_UPSTREAM'"
} > "$CACHE/env.sh"
say "done; environment in $CACHE/env.sh"
