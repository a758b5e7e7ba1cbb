#!/bin/bash
# Starts one of the compose stack's brokers: writes its configuration (server.properties plus what
# makes this node itself), formats its storage on the first start with the SCRAM credential of the
# super user "admin", then runs Kafka with that credential as the broker's own. kafka-init then adds
# the services' users, the topics and the ACLs.
#
# One node by default. With LEDGER_KAFKA_CONTROLLER_VOTERS set (the "cluster" profile, see
# cluster.env) it is one of several combined broker/controller nodes: the controllers then reach each
# other over the network, authenticated as admin with SASL/PLAIN, and every node formats with the
# same LEDGER_KAFKA_CLUSTER_ID.
set -euo pipefail

if [[ -z "${LEDGER_KAFKA_ADMIN_PASSWORD:-}" ]]; then
  echo "kafka: LEDGER_KAFKA_ADMIN_PASSWORD is not set; see the README, \"Who may write the topic\"" >&2
  exit 1
fi
bin=/opt/kafka/bin
node_id="${LEDGER_KAFKA_NODE_ID:-1}"
voters="${LEDGER_KAFKA_CONTROLLER_VOTERS:-}"
replication="${LEDGER_KAFKA_REPLICATION_FACTOR:-1}"
min_isr="${LEDGER_KAFKA_MIN_INSYNC_REPLICAS:-1}"
scram_jaas="org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"${LEDGER_KAFKA_ADMIN_PASSWORD}\";"

umask 077
config=/tmp/server.properties
{
  cat /opt/ledger/kafka/server.properties
  echo "node.id=$node_id"
  echo "advertised.listeners=SASL_PLAINTEXT://${LEDGER_KAFKA_ADVERTISED_HOST:-kafka}:9092"
  echo "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=$scram_jaas"
  for internal in offsets.topic transaction.state.log share.coordinator.state.topic; do
    echo "$internal.replication.factor=$replication"
  done
  echo "transaction.state.log.min.isr=$min_isr"
  echo "share.coordinator.state.topic.min.isr=$min_isr"
  echo "default.replication.factor=$replication"
  echo "min.insync.replicas=$min_isr"
  if [[ -z "$voters" ]]; then
    # one node: its controller listens on the container's loopback only, in plaintext
    echo "controller.quorum.voters=$node_id@localhost:9093"
    echo "listeners=SASL_PLAINTEXT://:9092,CONTROLLER://localhost:9093"
    echo "listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT"
    # ANONYMOUS: the broker talking to its own controller over that loopback listener
    echo "super.users=User:admin;User:ANONYMOUS"
  else
    if [[ -z "${LEDGER_KAFKA_CLUSTER_ID:-}" ]]; then
      echo "kafka: a cluster needs LEDGER_KAFKA_CLUSTER_ID, the same on every node; see deploy/kafka/cluster.env" >&2
      exit 1
    fi
    echo "controller.quorum.voters=$voters"
    echo "listeners=SASL_PLAINTEXT://:9092,CONTROLLER://:9093"
    echo "listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT"
    echo "sasl.mechanism.controller.protocol=PLAIN"
    echo "listener.name.controller.sasl.enabled.mechanisms=PLAIN"
    echo "listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\"${LEDGER_KAFKA_ADMIN_PASSWORD}\" user_admin=\"${LEDGER_KAFKA_ADMIN_PASSWORD}\";"
    echo "super.users=User:admin"
  fi
} > "$config"

"$bin/kafka-storage.sh" format --ignore-formatted -c "$config" \
  --cluster-id "${LEDGER_KAFKA_CLUSTER_ID:-$("$bin/kafka-storage.sh" random-uuid)}" \
  --add-scram "SCRAM-SHA-512=[name=admin,password=${LEDGER_KAFKA_ADMIN_PASSWORD}]"

# for the healthcheck
printf 'security.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-512\nsasl.jaas.config=%s\n' \
  "$scram_jaas" > /tmp/admin.properties

exec "$bin/kafka-server-start.sh" "$config"
