#!/usr/bin/env bash
# Makes the fixture UpgradeIT upgrades from: a database made by a release's own code and data, with
# the files outside the database that belong to it. Usage, from a clone with the release's commit:
#
#   liberty/src/test/upgrade/make-previous-release.sh COMMIT
#
# It builds that commit (from `git archive`, in a scratch folder), starts its PostgreSQL the way its
# integration tests do (its own pg.sh: the owner role roster_owner, the application's role
# roster_app), starts its server on it as a process, reading directory.ldif from an in-memory LDAP
# server, and through its API (PreviousReleaseData.java) runs a full sync, makes an app password,
# opts an employee out, adds a source with a bind password and runs again. Then it stops the server
# and writes liberty/src/test/resources/previous-release/: roster.sql (pg_dump, plain, schema and
# data, without owners and grants, which the upgraded server sets again), keys/ (the audit signing
# key the release generated, and the secrets key it was given: test keys only), audit-anchors/,
# deliveries.jsonl (the journal platform's file), fixture.properties, and RELEASE and README,
# which name the commit.
# When a release is made, run this with its commit so the next one is tested against it.
set -euo pipefail
release=${1:?usage: make-previous-release.sh COMMIT}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel)
out=$repo/liberty/src/test/resources/previous-release
commit=$(git -C "$repo" rev-parse --verify "$release^{commit}")
work=$(mktemp -d /tmp/roster-previous-release.XXXXXX)
server_id=roster-1
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

mkdir -p "$work/src"
git -C "$repo" archive "$commit" | tar -x -C "$work/src"
echo "building $commit"
(cd "$work/src" && mvn -B -q verify -pl liberty -am -DskipTests -Dliberty.serverName=previous-release)
wlp=$work/src/liberty/target/liberty/wlp
server=$wlp/usr/servers/fixture
mkdir -p "$server/dropins"
for part in server.xml auth-demo.xml auth-oidc.xml jdbc; do
  cp -r "$wlp/usr/servers/previous-release/$part" "$server/"
done
cp "$work/src/liberty/target/roster.war" "$server/dropins/"

pg_port=$(free_port)
bash "$work/src/liberty/src/test/postgres/pg.sh" start "$work/pg" "$pg_port"
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
ldap_port=$(free_port)
http_port=$(free_port)
secrets_key=$(openssl rand -base64 32)
cleanup() {
  "$wlp/bin/server" stop fixture > /dev/null 2>&1 || true
  bash "$work/src/liberty/src/test/postgres/pg.sh" stop "$work/pg" || true
}
trap 'cleanup; echo "the build and the server are left in $work" >&2' EXIT

rm -rf "$out.new"
mkdir -p "$out.new/keys"
unboundid=$(ls "$work"/src/liberty/target/roster/WEB-INF/lib/unboundid-ldapsdk-*.jar)
java -cp "$unboundid" "$here/PreviousReleaseData.java" "$out/directory.ldif" "$ldap_port" \
  "http://localhost:$http_port/" "$out.new" &
data=$!

HTTP_PORT=$http_port HTTPS_PORT=$(free_port) \
ROSTER_DB_URL=jdbc:postgresql://127.0.0.1:$pg_port/roster \
ROSTER_DB_USER=roster_app ROSTER_DB_PASSWORD=roster_app \
ROSTER_DB_OWNER_USER=roster_owner ROSTER_DB_OWNER_PASSWORD=roster_owner \
ROSTER_SECRETS_KEY=$secrets_key ROSTER_AUTH_ALLOW_DEMO=true ROSTER_SERVER_ID=$server_id \
ROSTER_SOURCE_LDAP_URL=ldap://localhost:$ldap_port ROSTER_SOURCE_LDAP_BASE_DN=ou=people,dc=upgrade,dc=test \
ROSTER_SYNC_ON_START=false ROSTER_SCHEDULE=none ROSTER_DELIVERY_PLATFORM=journal \
  "$wlp/bin/server" start fixture
wait "$data"
"$wlp/bin/server" stop fixture

"$bin/pg_dump" -h 127.0.0.1 -p "$pg_port" -U roster --format=plain --no-owner --no-privileges roster \
  > "$out.new/roster.sql"
cp "$server/keys/audit-signing.key" "$out.new/keys/"
printf '%s' "$secrets_key" > "$out.new/keys/secrets.key"
cp -r "$server/audit-anchors" "$out.new/"
cp "$server/deliveries.jsonl" "$out.new/"
echo "$commit" > "$out.new/RELEASE"
cat > "$out.new/README" <<EOF
Made by Roster at commit $commit, the release UpgradeIT upgrades from:
its database (roster.sql) and the files its server kept beside it, the keys (test keys only), the
audit anchors and the journal platform's deliveries. Made by
liberty/src/test/upgrade/make-previous-release.sh; when a release is made, run that script with the
release's commit to replace this folder.
EOF
cp "$out/directory.ldif" "$out.new/"
cleanup
trap - EXIT
rm -rf "$out"
mv "$out.new" "$out"
rm -rf "$work"
echo "wrote $out from $commit"
