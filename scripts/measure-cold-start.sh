#!/usr/bin/env bash
# Measures the cold start of ./aivj serve: a fresh clone of this checkout, an empty AIVJ cache and an empty Maven
# repository (the npm cache and the Debian packages already installed, e.g. Emscripten, stay). Prints when the page
# first answers and when projectM, built in the background, is ready. Leaves the server running: kill it after.
set -u
rm -rf /tmp/cold && mkdir -p /tmp/cold && git clone -q "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)" /tmp/cold/repo
export AIVJ_CACHE=/tmp/cold/cache MAVEN_OPTS="-Dmaven.repo.local=/tmp/cold/m2"
cd /tmp/cold/repo
t0=$(date +%s.%N)
./aivj serve --port 18080 > /tmp/cold/serve.log 2>&1 &
echo "serve pid $!"
while ! curl -sf -o /dev/null http://127.0.0.1:18080/; do sleep 1; done
t1=$(date +%s.%N); echo "page answered after $(echo "$t1 - $t0" | bc) s"
curl -s http://127.0.0.1:18080/projectm/status.json; echo
while ! curl -s http://127.0.0.1:18080/projectm/status.json | grep -q '"ready"'; do
  if curl -s http://127.0.0.1:18080/projectm/status.json | grep -q '"failed"'; then echo "projectM build failed"; break; fi
  sleep 5
done
t2=$(date +%s.%N); echo "projectM status after $(echo "$t2 - $t0" | bc) s: $(curl -s http://127.0.0.1:18080/projectm/status.json)"
