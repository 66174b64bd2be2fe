#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh Debian machine:
# Python test dependencies (in the active Python), Debian's Chromium, the Noto CJK fonts,
# jing, shellcheck, strace, Java for the Nu checker, and the npm tools (axe-core, vnu-jar,
# lighthouse) in ./node_modules.
# Safe to run again: each step skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'

apt_packages=()
command -v chromium >/dev/null 2>&1 || apt_packages+=(chromium)
command -v jing >/dev/null 2>&1 || apt_packages+=(jing)
command -v shellcheck >/dev/null 2>&1 || apt_packages+=(shellcheck)
# System-call counts: the benchmark's table and the test of what writing the site costs.
command -v strace >/dev/null 2>&1 || apt_packages+=(strace)
command -v java >/dev/null 2>&1 || apt_packages+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || apt_packages+=(nodejs npm)
command -v git >/dev/null 2>&1 || apt_packages+=(git)
# Japanese (and Chinese, Korean) glyphs for the browser test of a Japanese page.
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || apt_packages+=(fonts-noto-cjk)
if ((${#apt_packages[@]})); then
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
fi

if [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ] \
  || [ ! -f node_modules/lighthouse/cli/index.js ]; then
  npm ci --no-audit --no-fund --silent
fi
