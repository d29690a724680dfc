#!/usr/bin/env bash
# Builds the Dockerfile and runs the image and docker-compose.yml on a machine without a Docker engine or
# registry access (this project's build machines): podman + docker-compose 1.29 (Debian) against podman's
# Docker API, with stand-in base images made locally, since docker.io is unreachable there:
#   node:20-bookworm-slim  = Debian bookworm (debootstrap) + this machine's Node 20 / npm in /usr/local
#   eclipse-temurin:25-jdk = Debian bookworm + a Temurin 25 JDK in /opt/java/openjdk, no curl/wget/unzip
#                            (as upstream, whose image purges its download tools); also tagged 25-jre
#   postgres:15            = Debian's postgresql-15 + a small entrypoint honouring POSTGRES_USER/PASSWORD/DB
# Then: the image alone (embedded PostgreSQL in /app/data) and `docker-compose up` each answer
# /actuator/health and run scripts/plan.sh on a sample to COMPLETED with savings.
# Where a registry is reachable, plain `docker compose up` is the real check; this is the closest here.
#
# Usage (root, from the repository root): scripts/container-check.sh
#   JDK25_HOME  a Temurin 25 JDK (default: the first /usr/lib/jvm/temurin-25*)
#   WORK        scratch directory (default: a new mktemp -d)
set -euo pipefail

repo=$(pwd)
[ -f Dockerfile ] && [ -f docker-compose.yml ] || { echo "run from the repository root" >&2; exit 2; }
JDK25_HOME=${JDK25_HOME:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)}
[ -x "$JDK25_HOME/bin/java" ] || { echo "set JDK25_HOME to a Java 25 JDK" >&2; exit 2; }
WORK=${WORK:-$(mktemp -d)}
mkdir -p "$WORK"
port_single=18091
port_compose=18092

need() { command -v "$1" >/dev/null || apt-get install -y "$2" >/dev/null; }
need podman podman; need runc runc; need debootstrap debootstrap; need docker-compose docker-compose

# this sandbox forbids raising rlimits and has hybrid cgroups: lower limits, runc, cgroupfs
export CONTAINERS_CONF=$WORK/containers.conf
cat > "$CONTAINERS_CONF" <<'EOF'
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=4096:4096"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
EOF

echo "== stand-in base images"
if ! podman image exists localhost/debian-base:bookworm; then
    debootstrap --variant=minbase bookworm "$WORK/rootfs" http://deb.debian.org/debian >/dev/null
    tar -C "$WORK/rootfs" -c . | podman import - localhost/debian-base:bookworm >/dev/null
fi
ca=/etc/ssl/certs/ca-certificates.crt   # the machine's trust store (an egress proxy's CA, if any)

mkdir -p "$WORK/node/ctx/usr/local/bin" "$WORK/node/ctx/usr/local/lib/node_modules" "$WORK/node/ctx/etc/ssl/certs"
cp "$(command -v node)" "$WORK/node/ctx/usr/local/bin/"
cp -a "$(npm root -g)/npm" "$WORK/node/ctx/usr/local/lib/node_modules/"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$WORK/node/ctx/usr/local/bin/npm"
cp "$ca" "$WORK/node/ctx/etc/ssl/certs/"
printf '%s\n' 'FROM localhost/debian-base:bookworm' 'COPY ctx/ /' \
    'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' > "$WORK/node/Containerfile"
podman build -q -t docker.io/library/node:20-bookworm-slim "$WORK/node" >/dev/null

mkdir -p "$WORK/jdk/ctx/opt/java"
cp -a "$JDK25_HOME" "$WORK/jdk/ctx/opt/java/openjdk"
rm -f "$WORK/jdk/ctx/opt/java/openjdk/lib/security/cacerts"   # often a link into /etc: keep the real file
cp -L "$JDK25_HOME/lib/security/cacerts" "$WORK/jdk/ctx/opt/java/openjdk/lib/security/cacerts"
printf '%s\n' 'FROM localhost/debian-base:bookworm' 'COPY ctx/ /' 'ENV JAVA_HOME=/opt/java/openjdk' \
    'ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    'ENV LANG=C.UTF-8' > "$WORK/jdk/Containerfile"
podman build -q -t docker.io/library/eclipse-temurin:25-jdk "$WORK/jdk" >/dev/null
podman tag docker.io/library/eclipse-temurin:25-jdk docker.io/library/eclipse-temurin:25-jre

mkdir -p "$WORK/pg"
cat > "$WORK/pg/entrypoint.sh" <<'EOF'
#!/bin/sh
set -e
PGDATA=/var/lib/postgresql/data; BIN=/usr/lib/postgresql/15/bin
mkdir -p "$PGDATA" && chown postgres:postgres "$PGDATA" && chmod 700 "$PGDATA"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  echo "$POSTGRES_PASSWORD" > /tmp/pw && chown postgres /tmp/pw
  su postgres -c "$BIN/initdb -D $PGDATA -U $POSTGRES_USER --pwfile=/tmp/pw --auth-host=scram-sha-256 --auth-local=trust"
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  su postgres -c "$BIN/pg_ctl -D $PGDATA -o \"-c listen_addresses=''\" -w start"
  su postgres -c "psql -U $POSTGRES_USER -d postgres -c 'create database $POSTGRES_DB'"
  su postgres -c "$BIN/pg_ctl -D $PGDATA -m fast -w stop"
fi
exec su postgres -c "$BIN/postgres -D $PGDATA -c listen_addresses='*'"
EOF
chmod +x "$WORK/pg/entrypoint.sh"
printf '%s\n' 'FROM localhost/debian-base:bookworm' \
    'RUN apt-get update && apt-get install -y --no-install-recommends postgresql-15 && rm -rf /var/lib/apt/lists/*' \
    'ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    'COPY entrypoint.sh /entrypoint.sh' 'ENTRYPOINT ["/entrypoint.sh"]' > "$WORK/pg/Containerfile"
podman build -q -t docker.io/library/postgres:15 "$WORK/pg" >/dev/null

echo "== the project's Dockerfile, from a clean clone"
git clone -q "$repo" "$WORK/src"
cd "$WORK/src"
podman build --pull=never -t dc-planner:check . > "$WORK/build.log" 2>&1 \
    || { tail -30 "$WORK/build.log"; exit 1; }
echo "built dc-planner:check ($(podman image inspect dc-planner:check --format '{{.Size}}') bytes)"

wait_healthy() {   # URL
    for _ in $(seq 1 90); do
        curl -sf "$1/actuator/health" | grep -q UP && return 0
        sleep 2
    done
    return 1
}
plan_sample() {    # URL OUT
    scripts/plan.sh -u "$1" -o "$2" -t 10 sample-workloads/planetlab-small.zip | tail -3
    grep -q '"serverCount"' "$2/savings.json"
}

echo "== the image alone: embedded PostgreSQL, data in the /app/data volume, unprivileged user"
podman rm -f dcp-check-single >/dev/null 2>&1 || true
podman run -d --name dcp-check-single -p $port_single:8080 -v dcp-check-data:/app/data dc-planner:check >/dev/null
wait_healthy http://localhost:$port_single || { podman logs dcp-check-single | tail -30; exit 1; }
plan_sample http://localhost:$port_single "$WORK/out-single"
podman rm -f dcp-check-single >/dev/null
# a new container on the same volume still has the workload and the plan
podman run -d --name dcp-check-single -p $port_single:8080 -v dcp-check-data:/app/data dc-planner:check >/dev/null
wait_healthy http://localhost:$port_single || { podman logs dcp-check-single | tail -30; exit 1; }
curl -sf "http://localhost:$port_single/api/v1/plans/$(cat "$WORK/out-single/plan-id")" | grep -q '"COMPLETED"' \
    || { echo "the plan did not survive a new container on the volume" >&2; exit 1; }
echo "the plan survived a new container on the same volume"
podman rm -f dcp-check-single >/dev/null
podman volume rm dcp-check-data >/dev/null

echo "== docker-compose.yml (docker-compose against podman's Docker API)"
mkdir -p /run/podman
podman system service --time=0 unix:///run/podman/podman.sock & service=$!
trap 'kill $service 2>/dev/null || true' EXIT
sleep 2
export DOCKER_HOST=unix:///run/podman/podman.sock
sed -i "s/\"8080:8080\"/\"$port_compose:8080\"/" docker-compose.yml
docker-compose -p dcpcheck up -d --build > "$WORK/compose.log" 2>&1 &
up=$!
# podman runs healthchecks from systemd timers, absent here: run the postgres check until it passes
for _ in $(seq 1 120); do
    podman healthcheck run dcpcheck_postgres_1 >/dev/null 2>&1 && break
    sleep 2
done
wait $up || { tail -30 "$WORK/compose.log"; exit 1; }
wait_healthy http://localhost:$port_compose || { podman logs dcpcheck_planner_1 | tail -30; exit 1; }
plan_sample http://localhost:$port_compose "$WORK/out-compose"
docker-compose -p dcpcheck down -v >/dev/null 2>&1
echo "container check passed (scratch: $WORK)"
