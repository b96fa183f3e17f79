package io.oms.e2e;

import io.oms.local.Seed;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Another team's system joins through the documented contract only: plain kafka-clients, the CloudEvents headers of
 * events/README.md and a JSON value. A valid StockChanged is honoured by the connectors (the Etsy shop shows the
 * quantity); an invalid one lands in the topic's DLQ with the reason.
 */
@ExtendWith(Stack.class)
class OutsideProducerTest {

    private static final String TOPIC = "oms.stock-changed.v1";
    private static final Duration BOUND = Duration.ofMinutes(3);
    private static Seed.DemoShops shops;

    @BeforeAll
    static void connectTheDemoShops() throws Exception {
        shops = new Seed(Stack.endpoints()).run();
    }

    @Test
    void aStockChangedFromAnotherTeamsProducerReachesTheShopAndAnInvalidOneLandsInTheDlqWithItsReason() throws Exception {
        String etsyShop = given().baseUri(Stack.part("channel-etsy").url()).auth().oauth2(Stack.token()).get("/api/v1/shops").then().statusCode(200).extract()
                .<List<Map<String, Object>>>path("items").stream().filter(s -> shops.etsyShopId().equals(s.get("externalShopId")))
                .findFirst().orElseThrow().get("id").toString();
        Map<String, Object> unit = await().atMost(BOUND).until(() -> given().baseUri(Stack.part("channel-etsy").url()).auth().oauth2(Stack.token())
                .get("/api/v1/shops/{id}/listings", etsyShop).then().statusCode(200).extract().<List<Map<String, Object>>>path("items"),
                listed -> !listed.isEmpty()).get(0);
        String sku = (String) unit.get("sku");
        String listingId = unit.get("listingId").toString().split(":")[0];

        String json = "{\"sku\":\"" + sku + "\",\"warehouses\":[{\"warehouseCode\":\"MAIN\",\"available\":7}],\"totalAvailable\":7,\"version\":"
                + Instant.now().toEpochMilli() + "}";
        String invalidKey = "NOT-A-STOCK-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.kafkaBootstrap(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
                KafkaConsumer<String, String> dlq = dlqFromItsEnd()) {
            producer.send(record(sku, json)).get();
            producer.send(record(invalidKey, "{\"sku\":\"" + invalidKey + "\",\"warehouses\":[]}")).get();

            Marketplaces marketplaces = new Marketplaces(Stack.part("sandbox").url(), shops);
            await().atMost(BOUND).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(marketplaces.etsyQuantity(listingId, sku)).isEqualTo(7));

            List<String> reasons = new ArrayList<>();
            await().atMost(BOUND).untilAsserted(() -> {
                for (ConsumerRecord<String, String> dead : dlq.poll(Duration.ofMillis(500))) {
                    Header reason = dead.headers().lastHeader("dlq_reason");
                    if (invalidKey.equals(dead.key()) && reason != null) {
                        reasons.add(new String(reason.value(), StandardCharsets.UTF_8));
                    }
                }
                assertThat(reasons).isNotEmpty();
            });
            assertThat(reasons).allSatisfy(reason -> assertThat(reason).contains("totalAvailable"));
        }
    }

    private static ProducerRecord<String, String> record(String key, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, key, json);
        Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", "/erp/e2e", "ce_type", "io.oms.stock.changed.v1",
                "ce_time", Instant.now().toString(), "content-type", "application/json")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static KafkaConsumer<String, String> dlqFromItsEnd() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-dlq-" + UUID.randomUUID(), ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC + ".dlq").stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }
}
