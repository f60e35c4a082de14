// An office system in Node.js reports a delegation's visit to Amity: Confluent's Avro serializer (the schema is
// looked up in the registry, never registered by the client) and kafkajs, keyed by the relationship so that its
// events keep their order.
//
//   node report-visit.js BOOTSTRAP REGISTRY_URL OFFICE RELATIONSHIP_ID EVENT_ID OCCURRED_AT_ISO
const { Kafka, Partitioners, logLevel } = require('kafkajs');
const { SchemaRegistryClient, SerdeType, AvroSerializer } = require('@confluentinc/schemaregistry');

async function main([bootstrap, registryUrl, office, relationshipId, eventId, occurredAt]) {
  const topic = 'amity.events.delegation-visited';
  const registry = new SchemaRegistryClient({ baseURLs: [registryUrl] });
  // subject "amity.events.delegation-visited-value"; Amity releases its schemas, clients only read them
  const serializer = new AvroSerializer(registry, SerdeType.VALUE, { useLatestVersion: true, autoRegisterSchemas: false });
  const day = Math.floor(Date.parse(occurredAt) / 86_400_000);
  const visit = {
    envelope: {
      eventId,
      occurredAt: Date.parse(occurredAt),  // timestamp-millis
      recordedAt: Date.now(),
      office,
      relationshipIds: [relationshipId],
      domains: ['GOVERNANCE', 'CULTURE'],
      source: 'node-office-system',
      summary: 'Mayor\'s delegation / 市长代表团',
      corrects: null,
    },
    direction: 'INBOUND',
    level: 'HEAD_OF_GOVERNMENT',
    headcount: 6,
    leader: null,
    startDate: day,                        // date: days since 1970-01-01
    endDate: null,
  };
  // kafkajs' default partitioner is Java's murmur2: the event lands where Amity keeps the relationship
  const kafka = new Kafka({ clientId: 'node-office-system', brokers: [bootstrap], logLevel: logLevel.WARN });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, idempotent: true });
  await producer.connect();
  try {
    const [sent] = await producer.send({
      topic,
      acks: -1,
      messages: [{ key: relationshipId, value: await serializer.serialize(topic, visit), timestamp: String(visit.envelope.occurredAt) }],
    });
    console.log(JSON.stringify({ topic, partition: sent.partition, offset: sent.baseOffset }));
  } finally {
    await producer.disconnect();
  }
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exit(1);
});
