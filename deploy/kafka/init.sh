#!/bin/bash
# One shot, after the broker is healthy: gives the services' users their SCRAM credentials, creates
# the topics, and allows each user what it needs and nothing more. Safe to run again; it also sets
# changed passwords.
set -euo pipefail

for variable in LEDGER_KAFKA_ADMIN_PASSWORD LEDGER_KAFKA_REGISTRY_PASSWORD \
  LEDGER_KAFKA_COST_PASSWORD LEDGER_KAFKA_REPORTING_PASSWORD; do
  if [[ -z "${!variable:-}" ]]; then
    echo "kafka-init: $variable is not set; see the README, \"Who may write the topic\"" >&2
    exit 1
  fi
done

bin=/opt/kafka/bin
bootstrap="${LEDGER_KAFKA_BOOTSTRAP_SERVERS:-kafka:9092}"
replication="${LEDGER_KAFKA_REPLICATION_FACTOR:-1}"
min_isr="${LEDGER_KAFKA_MIN_INSYNC_REPLICAS:-1}"
admin=/tmp/admin.properties
umask 077
printf 'security.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-512\nsasl.jaas.config=%s\n' \
  "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"${LEDGER_KAFKA_ADMIN_PASSWORD}\";" \
  > "$admin"

# org.forumledger.events.Topics: the events topic and each consumer group's dead-letter topic
events=forum-ledger.forum-events.v1

scram() {
  "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --alter \
    --entity-type users --entity-name "$1" --add-config "SCRAM-SHA-512=[password=$2]"
}
topic() {
  "$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --create \
    --if-not-exists --topic "$1" --partitions 1 --replication-factor "$replication" \
    --config "min.insync.replicas=$min_isr" "${@:2}"
}
allow() {
  "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --add \
    --allow-principal "User:$1" "${@:2}"
}

# a topic can be replicated only once that many brokers have joined
for attempt in $(seq 1 60); do
  brokers=$("$bin/kafka-broker-api-versions.sh" --bootstrap-server "$bootstrap" \
    --command-config "$admin" 2>/dev/null | grep -c '(id: ' || true)
  [[ "$brokers" -ge "$replication" ]] && break
  echo "kafka-init: $brokers of $replication brokers up, waiting"
  sleep 2
done
if [[ "$brokers" -lt "$replication" ]]; then
  echo "kafka-init: only $brokers brokers joined; the topics need $replication" >&2
  exit 1
fi

scram registry "$LEDGER_KAFKA_REGISTRY_PASSWORD"
scram cost "$LEDGER_KAFKA_COST_PASSWORD"
scram reporting "$LEDGER_KAFKA_REPORTING_PASSWORD"

topic "$events" --config retention.ms=-1
topic "$events.cost-service.dlt"
topic "$events.reporting-service.dlt"

# the registry alone writes the events topic
allow registry --operation Write --operation Describe --topic "$events"
allow registry --operation IdempotentWrite --cluster
# the consumers read it in their own group, and write only their own dead-letter topic
for service in cost reporting; do
  allow "$service" --operation Read --operation Describe --topic "$events"
  allow "$service" --operation Read --operation Describe --group "$service-service"
  allow "$service" --operation Write --operation Describe --topic "$events.$service-service.dlt"
done

echo "kafka-init: users, topics and ACLs in place"
"$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --list
