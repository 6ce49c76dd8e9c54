#!/bin/bash
# Node holder of the Vigil network-namespace test bed (see docs/design/testbed.md).
#
# Started by org.vigil.agent.testing.netns.Testbed as
#   ip netns exec NS unshare --mount --uts --ipc --pid --fork --mount-proc --propagation private \
#       bash holder.sh NODE HOSTDIR=NODEPATH...
# so it runs as PID 1 of the node's own PID namespace, inside the node's network namespace and a
# private mount/UTS/IPC namespace. It
#   - sets the hostname (heartbeat's node identity is `uname -n`);
#   - bind-mounts each per-node host directory over its path (/etc/ha.d, /var/lib/heartbeat,
#     /var/log, ...); paths that do not exist on this machine are skipped with a message;
#   - mounts a private tmpfs on /run, pre-created like heartbeat's tmpfiles.d;
#   - prints READY and then only reaps children: processes that daemonize inside the node are
#     re-parented to it, so a kill -9 leaves no zombie behind (reference pitfall P9).
# Killing this process with SIGKILL makes the kernel kill every process of the node.
set -eu
name=$1
shift
hostname "$name"
for spec in "$@"; do
  src=${spec%%=*}
  dst=${spec#*=}
  if [ ! -d "$dst" ]; then
    echo "holder[$name]: $dst does not exist on this machine; not made private" >&2
    continue
  fi
  mount --bind "$src" "$dst"
done
mount -t tmpfs -o mode=0755,size=64m "vtb-run-$name" /run
own=""
if getent passwd hacluster >/dev/null 2>&1 && getent group haclient >/dev/null 2>&1; then
  own="-o hacluster -g haclient"
fi
# like /usr/lib/tmpfiles.d/heartbeat.conf (hacluster:haclient 0750)
# shellcheck disable=SC2086
install -d $own -m 0750 /run/heartbeat /run/heartbeat/ccm /run/heartbeat/crm /run/heartbeat/dopd /run/crm
install -d -m 0755 /run/resource-agents
install -d -m 1777 /run/lock
echo READY
exec </dev/null >/dev/null 2>&1
# PID 1 of the namespace: bash reaps every child that dies, adopted orphans included.
while :; do
  sleep 3600 &
  wait || true
done
