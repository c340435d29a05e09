#!/usr/bin/env bash
# Installs what mockint's test suite needs on a fresh Debian/Ubuntu machine:
# system packages (PortAudio, PulseAudio virtual microphone, espeak-ng, sox, Chromium for the report and
# `mockint serve` browser tests),
# mockint with its test extras (editable), and the local llama-server + GGUF for the LLM integration test.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(libportaudio2 pulseaudio pulseaudio-utils libasound2-plugins espeak-ng sox chromium libgomp1)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The test extras include Playwright for Python; the browser tests point it at Debian's chromium
# (executable_path), so no 'playwright install' browser download is needed or attempted.
python3 -m pip install -q --disable-pip-version-check -e '.[test]'

if [ -x scripts/fetch-llm-server.sh ] || [ -f scripts/fetch-llm-server.sh ]; then
  bash scripts/fetch-llm-server.sh
fi
