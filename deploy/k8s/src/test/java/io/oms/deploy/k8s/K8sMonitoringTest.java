package io.oms.deploy.k8s;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.oms.deploy.k8s.ManifestTest.named;
import static io.oms.deploy.k8s.ManifestTest.render;
import static io.oms.deploy.k8s.Yamls.at;
import static io.oms.deploy.k8s.Yamls.list;
import static io.oms.deploy.k8s.Yamls.map;
import static io.oms.deploy.k8s.Yamls.string;
import static org.assertj.core.api.Assertions.assertThat;

/** The prod overlay's alerts and dashboard: the alerts that matter exist, every metric they name is documented. */
class K8sMonitoringTest {

    private static final Pattern METRIC = Pattern.compile("\\b((?:oms|kafka)_[a-z_]+)\\b");

    @Test
    void prometheusRuleAlertsOnSyncLagDeadLettersReauthenticationOutboxBacklogAndConsumerLag() {
        List<Map<String, Object>> rules = alerts();

        assertThat(rules).extracting(rule -> string(rule, "alert")).contains("OmsSyncLagHigh", "OmsDeadLettersGrowing",
                "OmsShopNeedsReauthentication", "OmsOutboxBacklog", "OmsConsumerLag");
        assertThat(rules).allSatisfy(rule -> {
            assertThat(string(rule, "expr")).as(string(rule, "alert")).isNotBlank();
            assertThat(string(rule, "labels", "severity")).as(string(rule, "alert")).isIn("info", "warning", "critical");
            assertThat(string(rule, "annotations", "summary")).as(string(rule, "alert")).isNotBlank();
        });
    }

    @Test
    void grafanaDashboardIsValidJsonWithAQueryInEveryPanel() {
        Map<String, Object> dashboard = dashboard();

        assertThat(string(dashboard, "uid")).isEqualTo("oms-overview");
        List<Map<String, Object>> panels = list(dashboard, "panels");
        assertThat(panels).hasSizeGreaterThanOrEqualTo(10).allSatisfy(panel ->
                assertThat(list(panel, "targets")).as(string(panel, "title"))
                        .isNotEmpty().allSatisfy(target -> assertThat(string(target, "expr")).isNotBlank()));
        assertThat(panels).extracting(panel -> string(panel, "title")).contains("Orders imported per minute", "Sync lag",
                "Push queue depth", "Marketplace calls by outcome", "Outbox backlog", "Consumer lag");
    }

    @Test
    void everyMetricTheAlertsAndTheDashboardNameIsDocumentedInTheReadme() throws IOException {
        String readme = Files.readString(ManifestTest.K8S.resolve("README.md"), StandardCharsets.UTF_8);
        Set<String> metrics = metricsInQueries();

        assertThat(metrics).contains("oms_sync_lag_seconds", "oms_channel_push_queue_depth", "kafka_consumergroup_lag",
                "oms_outbox_backlog_events", "oms_channel_shop_needs_reauthentication", "oms_dlq_records_total");
        assertThat(metrics).allSatisfy(metric -> assertThat(documentedMetrics(readme)).as("README's metrics table documents " + metric)
                .contains(metric));
    }

    @Test
    void everyOmsMetricTheAlertsAndTheDashboardNameIsOneTheServicesRegister() throws IOException {
        Set<String> emitted = emittedMetricNames();

        assertThat(emitted).as("metric names in the services' main code").contains("oms_channel_calls_total", "oms_outbox_backlog_events");
        assertThat(metricsInQueries()).filteredOn(metric -> metric.startsWith("oms_"))
                .allSatisfy(metric -> assertThat(emitted).as("a service registers " + metric).contains(metric));
        String readme = Files.readString(ManifestTest.K8S.resolve("README.md"), StandardCharsets.UTF_8);
        assertThat(documentedMetrics(readme)).filteredOn(metric -> metric.startsWith("oms_"))
                .allSatisfy(metric -> assertThat(emitted).as("the documented " + metric + " is registered by a service").contains(metric));
    }

    private static Set<String> metricsInQueries() {
        List<String> queries = new ArrayList<>();
        alerts().forEach(rule -> queries.add(string(rule, "expr")));
        list(dashboard(), "panels").forEach(panel -> list(panel, "targets").forEach(t -> queries.add(string(t, "expr"))));
        Set<String> metrics = new TreeSet<>();
        for (String query : queries) {
            Matcher matcher = METRIC.matcher(query);
            while (matcher.find()) {
                metrics.add(matcher.group(1));
            }
        }
        return metrics;
    }

    /** The names in the first column of the README's table under "## Metrics". */
    private static Set<String> documentedMetrics(String readme) {
        int start = readme.indexOf("## Metrics");
        assertThat(start).as("README has a Metrics section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        Set<String> names = new TreeSet<>();
        for (String line : readme.substring(start, end < 0 ? readme.length() : end).split("\n")) {
            if (line.startsWith("| `")) {
                Matcher name = Pattern.compile("`([a-z_]+)`").matcher(line.substring(0, line.indexOf('|', 1)));
                while (name.find()) {
                    names.add(name.group(1));
                }
            }
        }
        return names;
    }

    /** Every "oms_..." string literal in the main Java code of the repository's modules: the names meters are registered under. */
    private static Set<String> emittedMetricNames() throws IOException {
        Pattern literal = Pattern.compile("\"(oms_[a-z_]+)\"");
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(TopicUseInServiceCodeTest.REPO)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("src" + java.io.File.separator + "main")
                    && !f.toString().contains(java.io.File.separator + "target" + java.io.File.separator)).toList()) {
                Matcher matcher = literal.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        return names;
    }

    static List<Map<String, Object>> alerts() {
        Map<String, Object> rule = named(render("prod"), "PrometheusRule", "oms-alerts");
        List<Map<String, Object>> alerts = new ArrayList<>();
        list(rule, "spec", "groups").forEach(group -> alerts.addAll(list(group, "rules")));
        return alerts;
    }

    static Map<String, Object> dashboard() {
        Map<String, Object> configMap = named(render("prod"), "ConfigMap", "oms-grafana-dashboard");
        assertThat(map(configMap, "metadata", "labels")).containsEntry("grafana_dashboard", "1");
        Object json = at(configMap, "data", "oms-dashboard.json");
        assertThat(json).as("dashboard JSON in the ConfigMap").isInstanceOf(String.class);
        return Kustomize.parse((String) json).get(0);
    }
}
