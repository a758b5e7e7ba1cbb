#!/bin/bash
# Starts the compose stack's broker with server.properties: formats its storage on the first start,
# with the SCRAM credential of the super user "admin", then runs Kafka with that credential as the
# broker's own. kafka-init then adds the services' users, the topics and the ACLs.
set -euo pipefail

if [[ -z "${LEDGER_KAFKA_ADMIN_PASSWORD:-}" ]]; then
  echo "kafka: LEDGER_KAFKA_ADMIN_PASSWORD is not set; see the README, \"Who may write the topic\"" >&2
  exit 1
fi
config=/opt/ledger/kafka/server.properties
bin=/opt/kafka/bin
jaas="org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"${LEDGER_KAFKA_ADMIN_PASSWORD}\";"

"$bin/kafka-storage.sh" format --ignore-formatted -c "$config" \
  --cluster-id "${KAFKA_CLUSTER_ID:-$("$bin/kafka-storage.sh" random-uuid)}" \
  --add-scram "SCRAM-SHA-512=[name=admin,password=${LEDGER_KAFKA_ADMIN_PASSWORD}]"

# for the healthcheck
umask 077
printf 'security.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-512\nsasl.jaas.config=%s\n' \
  "$jaas" > /tmp/admin.properties

exec "$bin/kafka-server-start.sh" "$config" \
  --override "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=$jaas"
