#!/usr/bin/env python3
"""Announce a corpus to the SER platform: a ser.corpus.published CloudEvent on Kafka.

The data is checked against the committed JSON Schema (schemas/ser.corpus.published.v1.json) before
anything is sent, so a mistake shows here instead of in the ser.dead-letter topic. The event goes out
in binary mode (CloudEvents attributes in ce_* headers, the JSON data alone in the value) or, with
--mode structured, as one JSON envelope. Prints the event id, partition and offset as JSON.

    pip install confluent-kafka jsonschema
    python3 publish_corpus.py --brokers kafka:9092 --name urdu --format urdu --uri /corpora/urdu

Exit status: 0 sent, 2 the data does not match the schema (nothing sent), 1 Kafka did not take it.
"""
import argparse
import json
import pathlib
import sys
import uuid
from datetime import datetime, timezone

from confluent_kafka import KafkaException, Producer
from jsonschema import Draft202012Validator

TOPIC = "ser.corpus.published"
EVENT_TYPE = "ser.corpus.published.v1"
REPO_SCHEMAS = pathlib.Path(__file__).resolve().parents[3] / "schemas"


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--brokers", required=True, help="bootstrap servers, host:port[,host:port]")
    p.add_argument("--topic-prefix", default="", help="the platform's SER_KAFKA_TOPIC_PREFIX, if any")
    p.add_argument("--name", required=True, help="corpus name")
    p.add_argument("--format", required=True, help="iemocap, ravdess, crema-d, emodb, tess, urdu, manifest or unlabelled")
    p.add_argument("--uri", required=True, help="where the features service finds the corpus")
    p.add_argument("--label-map", help='JSON object, corpus label -> platform label, e.g. {"exc": "happy"}')
    p.add_argument("--requested-by", help="who asks, for the audit trail")
    p.add_argument("--mode", choices=["binary", "structured"], default="binary")
    p.add_argument("--source", default="/pipelines/publish_corpus.py", help="CloudEvents source")
    p.add_argument("--schemas", type=pathlib.Path, default=REPO_SCHEMAS, help="folder of the committed JSON Schemas")
    return p.parse_args()


def main() -> int:
    args = parse_args()
    schema = json.loads((args.schemas / f"{EVENT_TYPE}.json").read_text(encoding="utf-8"))
    data = {"corpusName": args.name, "format": args.format, "uri": args.uri}
    if args.label_map:
        data["labelMap"] = json.loads(args.label_map)
    if args.requested_by:
        data["requestedBy"] = args.requested_by

    errors = sorted(Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.path))
    if errors:
        for e in errors:
            print(f"{EVENT_TYPE} data invalid at /{'/'.join(map(str, e.path))}: {e.message}", file=sys.stderr)
        return 2

    attributes = {
        "specversion": "1.0",
        "id": str(uuid.uuid4()),  # consumers drop redeliveries by id
        "source": args.source,
        "type": EVENT_TYPE,
        "time": datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "subject": args.name,
        "dataschema": schema["$id"],
    }
    if args.mode == "binary":
        headers = [("content-type", b"application/json")] + [(f"ce_{k}", v.encode()) for k, v in attributes.items()]
        value = json.dumps(data).encode()
    else:
        headers = [("content-type", b"application/cloudevents+json; charset=utf-8")]
        value = json.dumps({**attributes, "datacontenttype": "application/json", "data": data}).encode()

    producer = Producer({
        "bootstrap.servers": args.brokers,
        "enable.idempotence": True,  # acks=all, and a retried send is written once
        "partitioner": "murmur2_random",  # the Java client's (and the platform's): one key, one partition, in order
    })
    sent = {}

    def on_delivery(err, msg):
        if err is not None:
            sent["error"] = err
        else:
            sent.update(partition=msg.partition(), offset=msg.offset())

    try:
        producer.produce(args.topic_prefix + TOPIC, key=args.name.encode(), value=value, headers=headers, on_delivery=on_delivery)
        left = producer.flush(30)
    except KafkaException as err:
        print(f"Kafka refused the event: {err}", file=sys.stderr)
        return 1
    if left or "error" in sent:
        print(f"event not delivered: {sent.get('error', 'timed out after 30 s')}", file=sys.stderr)
        return 1
    print(json.dumps({"id": attributes["id"], "topic": args.topic_prefix + TOPIC, **sent}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
