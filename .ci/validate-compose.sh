#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine: Debian's docker-compose (1.29) parses the
# file, interpolates its variables and checks it against the Compose schema. `docker compose` (v2)
# is not on these machines. Installs the Debian package only when docker-compose is missing
# (without its recommended docker.io engine).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v docker-compose >/dev/null 2>&1; then
  echo "validate-compose: installing docker-compose (Debian package)"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
fi

docker-compose -f docker-compose.yml config -q
echo "validate-compose: docker-compose.yml is valid ($(docker-compose version --short 2>/dev/null || echo docker-compose))"
