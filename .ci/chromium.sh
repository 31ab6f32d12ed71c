#!/usr/bin/env bash
# Sourced by .ci/run: Debian's chromium for the report page's browser test
# (tests/test_report_page_browser.py, which skips, saying why, only when /usr/bin/chromium is absent).
# Installed from the distribution's packages when it is missing; nothing else is changed.

_chromium_install() {
  if [ -x /usr/bin/chromium ]; then
    return 0
  fi
  echo "+ installing chromium from the distribution's packages"
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
  [ -x /usr/bin/chromium ] || { echo "chromium did not install at /usr/bin/chromium" >&2; return 1; }
}

_chromium_install
# Screenshots of the page land here (a CI system can keep the folder as an artefact).
export DESKCHECK_TEST_ARTIFACTS="${DESKCHECK_TEST_ARTIFACTS:-$PWD/test-artifacts}"
