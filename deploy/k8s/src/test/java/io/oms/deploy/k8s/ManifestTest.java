package io.oms.deploy.k8s;

import io.oms.events.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.oms.deploy.k8s.Yamls.at;
import static io.oms.deploy.k8s.Yamls.kind;
import static io.oms.deploy.k8s.Yamls.list;
import static io.oms.deploy.k8s.Yamls.map;
import static io.oms.deploy.k8s.Yamls.name;
import static io.oms.deploy.k8s.Yamls.string;
import static io.oms.deploy.k8s.Yamls.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Renders overlays/dev and overlays/prod with kustomize and checks what a platform team relies on. */
class ManifestTest {

    static final Path K8S = Path.of(System.getProperty("oms.k8s.dir", "."));
    static final Set<String> CONNECTORS = Set.of("channel-etsy", "channel-shopify");
    /** Deployed beside the services, without database or Kafka: the operator console (only the services' APIs). */
    static final Set<String> WEB = Set.of("console");

    static List<Map<String, Object>> render(String overlay) {
        return Kustomize.render(K8S.resolve("overlays").resolve(overlay));
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(kind(d))).toList();
    }

    static Map<String, Object> named(List<Map<String, Object>> docs, String kind, String name) {
        return ofKind(docs, kind).stream().filter(d -> name.equals(name(d))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    static Map<String, Object> container(Map<String, Object> deployment) {
        return map(deployment, "spec", "template", "spec", "containers", 0);
    }

    /** The value of an environment variable: from the container's env or its envFrom ConfigMap. */
    static String env(List<Map<String, Object>> docs, Map<String, Object> deployment, String variable) {
        Map<String, Object> container = container(deployment);
        for (Map<String, Object> env : list(container, "env")) {
            if (variable.equals(env.get("name"))) {
                return string(env, "value");
            }
        }
        for (Map<String, Object> from : list(container, "envFrom")) {
            String configMap = string(from, "configMapRef", "name");
            Object value = at(named(docs, "ConfigMap", configMap), "data", variable);
            if (value != null) {
                return String.valueOf(value);
            }
        }
        return null;
    }

    static Map<String, Object> secretRef(Map<String, Object> deployment, String variable) {
        return list(container(deployment), "env").stream().filter(e -> variable.equals(e.get("name")))
                .map(e -> map(e, "valueFrom", "secretKeyRef")).findFirst().orElse(Map.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlayRendersEveryServiceWithItsResources(String overlay) {
        List<Map<String, Object>> docs = render(overlay);

        Set<String> services = Topology.services().stream().map(Topology::service).collect(Collectors.toSet());
        Set<String> deployed = new TreeSet<>(services);
        deployed.addAll(WEB);
        for (String kind : List.of("Deployment", "Service", "ServiceAccount", "PodDisruptionBudget", "NetworkPolicy")) {
            assertThat(ofKind(docs, kind)).as(kind + "s of overlay " + overlay).extracting(Yamls::name)
                    .containsExactlyInAnyOrderElementsOf(deployed);
        }
        assertThat(ofKind(docs, "KafkaUser")).as("KafkaUsers of overlay " + overlay).extracting(Yamls::name)
                .containsExactlyInAnyOrderElementsOf(services);
        assertThat(ofKind(docs, "HorizontalPodAutoscaler")).extracting(Yamls::name).containsExactlyInAnyOrderElementsOf(CONNECTORS);
        assertThat(ofKind(docs, "Secret")).as("secret values never live in git").isEmpty();
        assertThat(docs).allSatisfy(doc -> assertThat(string(doc, "metadata", "namespace"))
                .as(kind(doc) + " " + name(doc)).isEqualTo(overlay.equals("prod") ? "oms" : "oms-dev"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentProbesTheQuarkusHealthEndpoints(String overlay) {
        for (Map<String, Object> deployment : ofKind(render(overlay), "Deployment")) {
            Map<String, Object> container = container(deployment);
            assertThat(string(container, "startupProbe", "httpGet", "path")).as(name(deployment)).isEqualTo("/q/health/started");
            assertThat(string(container, "livenessProbe", "httpGet", "path")).as(name(deployment)).isEqualTo("/q/health/live");
            assertThat(string(container, "readinessProbe", "httpGet", "path")).as(name(deployment)).isEqualTo("/q/health/ready");
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(string(container, probe, "httpGet", "port")).as(name(deployment) + " " + probe).isEqualTo("http");
            }
            assertThat(list(container, "ports")).as(name(deployment)).anySatisfy(port -> assertThat(port.get("name")).isEqualTo("http"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentHasRequestsAndLimits(String overlay) {
        for (Map<String, Object> deployment : ofKind(render(overlay), "Deployment")) {
            Map<String, Object> resources = map(container(deployment), "resources");
            for (String bound : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    assertThat(at(resources, bound, resource)).as(name(deployment) + " " + bound + "." + resource).isNotNull();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentRunsAsNonRootOnAReadOnlyRootWithoutCapabilities(String overlay) {
        List<Map<String, Object>> docs = render(overlay);
        for (Map<String, Object> deployment : ofKind(docs, "Deployment")) {
            String name = name(deployment);
            Map<String, Object> pod = map(deployment, "spec", "template", "spec");
            Map<String, Object> container = container(deployment);
            assertThat(at(pod, "securityContext", "runAsNonRoot")).as(name + " pod runAsNonRoot").isEqualTo(true);
            assertThat(at(container, "securityContext", "runAsNonRoot")).as(name + " runAsNonRoot").isEqualTo(true);
            assertThat(at(container, "securityContext", "readOnlyRootFilesystem")).as(name + " readOnlyRootFilesystem").isEqualTo(true);
            assertThat(at(container, "securityContext", "allowPrivilegeEscalation")).as(name + " allowPrivilegeEscalation").isEqualTo(false);
            assertThat(strings(container, "securityContext", "capabilities", "drop")).as(name + " capabilities").containsExactly("ALL");
            assertThat(at(pod, "automountServiceAccountToken")).as(name + " mounts no API token").isEqualTo(false);
            // a read-only root needs somewhere for the JVM's temporary files
            String tmpVolume = list(container, "volumeMounts").stream().filter(m -> "/tmp".equals(m.get("mountPath")))
                    .map(m -> string(m, "name")).findFirst().orElseThrow(() -> new AssertionError(name + " mounts nothing at /tmp"));
            assertThat(list(pod, "volumes")).as(name + " volumes")
                    .anySatisfy(volume -> assertThat(volume).containsEntry("name", tmpVolume).containsKey("emptyDir"));
            assertThat(env(docs, deployment, "QUARKUS_HTTP_BODY_UPLOADS_DIRECTORY")).as(name + " uploads").startsWith("/tmp/");
            assertThat(env(docs, deployment, "JAVA_TOOL_OPTIONS")).as(name + " JVM temporary files").contains("-Djava.io.tmpdir=/tmp");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentHasItsServiceAccountServicePdbAndConfiguration(String overlay) {
        List<Map<String, Object>> docs = render(overlay);
        for (Map<String, Object> deployment : ofKind(docs, "Deployment")) {
            String name = name(deployment);
            Map<String, Object> podLabels = map(deployment, "spec", "template", "metadata", "labels");
            assertThat(podLabels).containsEntry("app.kubernetes.io/part-of", "oms");
            assertThat(map(deployment, "spec", "selector", "matchLabels")).isEqualTo(Map.of("app.kubernetes.io/name", name));
            assertThat(string(deployment, "spec", "template", "spec", "serviceAccountName")).isEqualTo(name);
            named(docs, "ServiceAccount", name);
            assertThat(podLabels).containsAllEntriesOf(map(named(docs, "PodDisruptionBudget", name), "spec", "selector", "matchLabels"));
            Map<String, Object> service = named(docs, "Service", name);
            assertThat(podLabels).containsAllEntriesOf(map(service, "spec", "selector"));

            String port = env(docs, deployment, "QUARKUS_HTTP_PORT");
            assertThat(string(container(deployment), "ports", 0, "containerPort")).as(name + " port").isEqualTo(port);
            assertThat(string(service, "spec", "ports", 0, "port")).as(name + " service port").isEqualTo(port);
            if (WEB.contains(name)) {
                // the console reaches the services through their Services, and nothing else
                assertThat(env(docs, deployment, "ORDER_SERVICE_URL")).isEqualTo("http://order-service:8081");
                assertThat(env(docs, deployment, "CHANNEL_ETSY_URL")).isEqualTo("http://channel-etsy:8084");
                assertThat(env(docs, deployment, "QUARKUS_DATASOURCE_JDBC_URL")).as(name + " has no database").isNull();
            } else {
                assertThat(env(docs, deployment, "QUARKUS_DATASOURCE_JDBC_URL")).as(name).startsWith("jdbc:postgresql://" + name + "-db:5432/");
                assertThat(env(docs, deployment, "KAFKA_BOOTSTRAP_SERVERS")).as(name).startsWith("oms-kafka-kafka-bootstrap:");
                assertThat(env(docs, deployment, "OMS_MESSAGING_TOPICS_CREATE")).as(name + ": Strimzi owns the topics").isEqualTo("false");
                assertThat(env(docs, deployment, "QUARKUS_OIDC_AUTH_SERVER_URL")).as(name + ": the API's token issuer").startsWith("http");
                assertThat(secretRef(deployment, "QUARKUS_DATASOURCE_USERNAME")).isEqualTo(Map.of("name", name + "-db", "key", "username"));
                assertThat(secretRef(deployment, "QUARKUS_DATASOURCE_PASSWORD")).isEqualTo(Map.of("name", name + "-db", "key", "password"));
            }
            if (CONNECTORS.contains(name)) {
                assertThat(secretRef(deployment, "OMS_CHANNEL_ENCRYPTION_KEY"))
                        .isEqualTo(Map.of("name", name + "-encryption", "key", "encryption-key"));
            }
            // every secret-looking variable comes from a Secret, never from a literal in the manifests
            for (Map<String, Object> env : list(container(deployment), "env")) {
                if (string(env, "name").matches(".*(PASSWORD|KEY|JAAS|SECRET|TOKEN).*")) {
                    assertThat(env).as(name + " " + env.get("name")).doesNotContainKey("value");
                }
            }
        }
        assertThat(env(docs, named(docs, "Deployment", "channel-etsy"), "ETSY_API_BASE_URL")).isEqualTo("https://api.etsy.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void networkPoliciesLetServicesReachOnlyKafkaTheirDatabaseDnsAndConnectorsTheMarketplaces(String overlay) {
        List<Map<String, Object>> docs = render(overlay);
        for (Map<String, Object> policy : ofKind(docs, "NetworkPolicy")) {
            String name = name(policy);
            assertThat(map(policy, "spec", "podSelector", "matchLabels")).isEqualTo(Map.of("app.kubernetes.io/name", name));
            assertThat(strings(policy, "spec", "policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");

            Set<String> reached = new TreeSet<>();
            for (Map<String, Object> rule : list(policy, "spec", "egress")) {
                Set<Integer> ports = list(rule, "ports").stream().map(p -> ((Number) p.get("port")).intValue()).collect(Collectors.toSet());
                Map<String, Object> to = map(rule, "to", 0);
                assertThat(list(rule, "to")).as(name + ": every egress rule names its peer").hasSize(1);
                if (Objects.equals(at(to, "podSelector", "matchLabels", "strimzi.io/cluster"), "oms-kafka")) {
                    assertThat(ports).containsExactlyInAnyOrder(9092, 9093);
                    reached.add("kafka");
                } else if (at(to, "podSelector", "matchLabels", "oms.io/database-for") != null) {
                    assertThat(at(to, "podSelector", "matchLabels", "oms.io/database-for")).as(name + ": only its own database").isEqualTo(name);
                    assertThat(ports).containsExactly(5432);
                    reached.add("database");
                } else if (Objects.equals(at(to, "podSelector", "matchLabels", "oms.io/oidc-provider"), "true")) {
                    assertThat(ports).as(name + ": the OIDC issuer over HTTP(S)").isSubsetOf(443, 8080, 8443);
                    reached.add("oidc");
                } else if (Objects.equals(at(to, "podSelector", "matchLabels", "k8s-app"), "kube-dns")) {
                    assertThat(ports).containsExactly(53);
                    reached.add("dns");
                } else if (WEB.contains(name) && Objects.equals(at(to, "podSelector", "matchLabels", "app.kubernetes.io/part-of"), "oms")) {
                    assertThat(ports).as(name + ": the services' API ports").containsExactlyInAnyOrder(8081, 8082, 8083, 8084, 8085);
                    reached.add("service APIs");
                } else if (at(to, "ipBlock") != null) {
                    assertThat(ports).as(name + ": marketplaces over HTTPS only").containsExactly(443);
                    assertThat(strings(to, "ipBlock", "except")).as(name + ": not the cluster's private ranges")
                            .contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");
                    reached.add("marketplaces");
                } else {
                    throw new AssertionError(name + " allows egress to something unexpected: " + rule);
                }
            }
            Set<String> expected = new HashSet<>(WEB.contains(name) ? Set.of("service APIs", "dns") : Set.of("kafka", "database", "dns", "oidc"));
            if (CONNECTORS.contains(name)) {
                expected.add("marketplaces");
            }
            assertThat(reached).as(name + " egress").containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void connectorsAutoscaleByCpuAndLeaveTheirReplicasToTheAutoscaler(String overlay) {
        List<Map<String, Object>> docs = render(overlay);
        for (String connector : CONNECTORS) {
            Map<String, Object> hpa = named(docs, "HorizontalPodAutoscaler", connector);
            assertThat(map(hpa, "spec", "scaleTargetRef")).containsEntry("kind", "Deployment").containsEntry("name", connector);
            assertThat(list(hpa, "spec", "metrics")).anySatisfy(metric -> assertThat(string(metric, "resource", "name")).isEqualTo("cpu"));
            assertThat(map(named(docs, "Deployment", connector), "spec")).as(connector).doesNotContainKey("replicas");
            if (overlay.equals("prod")) {
                assertThat(list(hpa, "spec", "metrics")).anySatisfy(metric ->
                        assertThat(string(metric, "pods", "metric", "name")).isEqualTo("oms_channel_push_queue_depth"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicAServiceUsesHasAKafkaTopicAsEventTypeDefinesIt(String overlay) {
        List<Map<String, Object>> docs = render(overlay);
        int replicas = overlay.equals("prod") ? 3 : 1;
        Map<String, Map<String, Object>> topics = ofKind(docs, "KafkaTopic").stream()
                .collect(Collectors.toMap(t -> string(t, "spec", "topicName"), t -> t));
        for (Topology service : Topology.values()) {
            assertThat(topics.keySet()).as(service.service() + " writes").containsAll(service.writes());
            assertThat(topics.keySet()).as(service.service() + " reads").containsAll(service.reads());
        }
        for (EventType type : EventType.values()) {
            Map<String, Object> topic = topics.get(type.topic());
            Map<String, Object> dlq = topics.get(type.dlqTopic());
            assertThat(topic).as(type.topic()).isNotNull();
            assertThat(dlq).as(type.dlqTopic()).isNotNull();
            assertThat(string(topic, "spec", "config", "cleanup.policy")).as(type.topic())
                    .isEqualTo(type.compacted() ? "compact" : "delete");
            assertThat(string(dlq, "spec", "config", "cleanup.policy")).as(type.dlqTopic()).isEqualTo("delete");
        }
        assertThat(topics.keySet()).hasSize(2 * EventType.values().length);
        for (Map<String, Object> topic : topics.values()) {
            assertThat(at(topic, "spec", "partitions")).as(name(topic)).isEqualTo(12);
            assertThat(at(topic, "spec", "replicas")).as(name(topic)).isEqualTo(replicas);
            assertThat(((Number) at(topic, "spec", "config", "min.insync.replicas")).intValue()).as(name(topic))
                    .isBetween(1, Math.max(1, replicas - 1));
            assertThat(string(topic, "metadata", "labels", "strimzi.io/cluster")).isEqualTo("oms-kafka");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceAclsCoverExactlyItsTopics(String overlay) {
        List<Map<String, Object>> docs = render(overlay);
        for (Topology service : Topology.values()) {
            Map<String, Object> user = named(docs, "KafkaUser", service.service());
            assertThat(string(user, "metadata", "labels", "strimzi.io/cluster")).isEqualTo("oms-kafka");
            assertThat(string(user, "spec", "authentication", "type")).isEqualTo("scram-sha-512");
            assertThat(string(user, "spec", "authorization", "type")).isEqualTo("simple");
            List<Map<String, Object>> acls = list(user, "spec", "authorization", "acls");

            assertThat(topicsWith(acls, "Write")).as(service.service() + " may write").isEqualTo(service.writes());
            assertThat(topicsWith(acls, "Read")).as(service.service() + " may read").isEqualTo(service.reads());
            assertThat(acls).as(service.service() + ": no wildcard, no Create, Delete, Alter or All")
                    .allSatisfy(acl -> {
                        assertThat(string(acl, "resource", "name")).isNotEqualTo("*");
                        assertThat(strings(acl, "operations")).isSubsetOf("Read", "Write", "Describe");
                    });
            List<Map<String, Object>> groups = acls.stream().filter(a -> "group".equals(at(a, "resource", "type"))).toList();
            assertThat(groups).as(service.service() + " consumer groups").singleElement().satisfies(group -> {
                assertThat(string(group, "resource", "name")).isEqualTo(service.service() + ".");
                assertThat(string(group, "resource", "patternType")).isEqualTo("prefix");
            });
            assertThat(acls).as(service.service() + ": only topics and its groups")
                    .allSatisfy(acl -> assertThat(at(acl, "resource", "type")).isIn("topic", "group"));
            assertThat(acls.stream().filter(a -> "topic".equals(at(a, "resource", "type"))))
                    .allSatisfy(acl -> assertThat(string(acl, "resource", "patternType")).isEqualTo("literal"));

            // the service logs in as this user: the Secret Strimzi creates for it
            assertThat(secretRef(named(docs, "Deployment", service.service()), "KAFKA_SASL_JAAS_CONFIG"))
                    .isEqualTo(Map.of("name", service.service(), "key", "sasl.jaas.config"));
        }
    }

    static Set<String> topicsWith(List<Map<String, Object>> acls, String operation) {
        return acls.stream().filter(a -> "topic".equals(at(a, "resource", "type")))
                .filter(a -> strings(a, "operations").contains(operation))
                .map(a -> string(a, "resource", "name")).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void devTalksScramOverThePlainListenerAndProdOverTlsWithTheClusterCa() {
        List<Map<String, Object>> dev = render("dev");
        List<Map<String, Object>> prod = render("prod");
        for (String service : Topology.services().stream().map(Topology::service).toList()) {
            Map<String, Object> devDeployment = named(dev, "Deployment", service);
            assertThat(env(dev, devDeployment, "KAFKA_SECURITY_PROTOCOL")).isEqualTo("SASL_PLAINTEXT");
            assertThat(env(dev, devDeployment, "KAFKA_SASL_MECHANISM")).isEqualTo("SCRAM-SHA-512");
            assertThat(env(dev, devDeployment, "KAFKA_BOOTSTRAP_SERVERS")).endsWith(":9092");

            Map<String, Object> prodDeployment = named(prod, "Deployment", service);
            assertThat(env(prod, prodDeployment, "KAFKA_SECURITY_PROTOCOL")).isEqualTo("SASL_SSL");
            assertThat(env(prod, prodDeployment, "KAFKA_SASL_MECHANISM")).isEqualTo("SCRAM-SHA-512");
            assertThat(env(prod, prodDeployment, "KAFKA_BOOTSTRAP_SERVERS")).endsWith(":9093");
            String truststore = env(prod, prodDeployment, "KAFKA_SSL_TRUSTSTORE_LOCATION");
            String mount = list(container(prodDeployment), "volumeMounts").stream().filter(m -> "kafka-ca".equals(m.get("name")))
                    .map(m -> string(m, "mountPath")).findFirst().orElseThrow();
            assertThat(truststore).isEqualTo(mount + "/ca.crt");
            assertThat(list(prodDeployment, "spec", "template", "spec", "volumes")).anySatisfy(volume ->
                    assertThat(string(volume, "secret", "secretName")).isEqualTo("oms-kafka-cluster-ca-cert"));

            assertThat(string(container(prodDeployment), "image")).startsWith("registry.example.com/oms/" + service + ":");
            assertThat(string(container(devDeployment), "image")).startsWith("localhost:5001/oms/" + service + ":");
        }
        assertThat(ofKind(dev, "Deployment").stream().filter(d -> !CONNECTORS.contains(name(d))))
                .allSatisfy(d -> assertThat(at(d, "spec", "replicas")).isEqualTo(1));
        assertThat(ofKind(prod, "Deployment").stream().filter(d -> !CONNECTORS.contains(name(d))))
                .allSatisfy(d -> assertThat(at(d, "spec", "replicas")).isEqualTo(3));
    }

    @Test
    void withoutKubectlOrKustomizeTheTestFailsSayingHowToInstallThem() {
        assertThatThrownBy(() -> Kustomize.command("/nonexistent:/also-not-here", K8S))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("neither kubectl nor kustomize")
                .hasMessageContaining("install");
    }
}
