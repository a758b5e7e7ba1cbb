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
bootstrap=kafka:9092
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
    --if-not-exists --topic "$1" --partitions 1 --replication-factor 1 "${@:2}"
}
allow() {
  "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --add \
    --allow-principal "User:$1" "${@:2}"
}

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
