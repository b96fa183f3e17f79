package io.oms.deploy.k8s;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.oms.deploy.k8s.Yamls.kind;
import static io.oms.deploy.k8s.Yamls.name;
import static io.oms.deploy.k8s.Yamls.string;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rendered Kubernetes and Prometheus Operator object binds to its API model (fabric8) with no field the
 * API does not know: kustomize renders a misspelt {@code readOnlyRootFilesytem} happily, the API server would
 * drop or refuse it. The Strimzi kinds are checked field by field in {@link ManifestTest}.
 */
class K8sSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Class<?>> MODELS = Map.of(
            "apps/v1/Deployment", Deployment.class,
            "v1/Service", Service.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "monitoring.coreos.com/v1/PodMonitor", PodMonitor.class,
            "monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class);
    private static final Set<String> CHECKED_ELSEWHERE = Set.of("kafka.strimzi.io/v1beta2/KafkaTopic", "kafka.strimzi.io/v1beta2/KafkaUser");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyRenderedObjectIsValidForItsApiWithoutUnknownFields(String overlay) {
        List<Map<String, Object>> docs = ManifestTest.render(overlay);
        for (Map<String, Object> doc : docs) {
            String type = string(doc, "apiVersion") + "/" + kind(doc);
            if (CHECKED_ELSEWHERE.contains(type)) {
                continue;
            }
            assertThat(MODELS).as("a model for " + type + " (" + name(doc) + ")").containsKey(type);
            Object model = JSON.convertValue(doc, MODELS.get(type));
            List<String> unknown = new ArrayList<>();
            unknownFields(model, type + " " + name(doc), unknown, new IdentityHashMap<>());
            assertThat(unknown).as("fields the API does not know").isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theCheckNoticesAMisspeltField(String overlay) {
        Map<String, Object> deployment = ManifestTest.ofKind(ManifestTest.render(overlay), "Deployment").get(0);
        Map<String, Object> misspelt = JSON.convertValue(deployment, Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) misspelt.get("spec");
        spec.put("replicaz", 2);

        List<String> unknown = new ArrayList<>();
        unknownFields(JSON.convertValue(misspelt, Deployment.class), "Deployment", unknown, new IdentityHashMap<>());
        assertThat(unknown).singleElement().asString().contains("replicaz");
    }

    /** Walks the fabric8 object graph and collects every non-empty additionalProperties (fields not in the API). */
    private static void unknownFields(Object node, String path, List<String> unknown, Map<Object, Boolean> seen) {
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> unknownFields(value, path + "." + key, unknown, seen));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers()) || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + ": " + extra.keySet());
                }
            } else {
                unknownFields(value, path + "." + getter.getName().substring(3), unknown, seen);
            }
        }
    }
}
