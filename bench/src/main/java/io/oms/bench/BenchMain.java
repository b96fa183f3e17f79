package io.oms.bench;

import io.oms.bench.service.InventoryBench;
import io.oms.bench.service.OrderIntakeBench;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

import java.util.Arrays;
import java.util.List;

/**
 * Runs the benchmarks named on the command line ({@code messaging}, {@code orders}, {@code inventory}; none means all) and
 * appends their numbers to the report. {@code messaging backlog-only} runs the relay drain alone, for profiling.
 */
@QuarkusMain
public class BenchMain implements QuarkusApplication {

    private static final List<String> ALL = List.of("messaging", "orders", "inventory");

    private final Report report;
    private final MessagingBench messaging;
    private final InventoryBench inventory;
    private final OrderIntakeBench orders;

    public BenchMain(Report report, MessagingBench messaging, InventoryBench inventory, OrderIntakeBench orders) {
        this.report = report;
        this.messaging = messaging;
        this.inventory = inventory;
        this.orders = orders;
    }

    @Override
    public int run(String... args) throws Exception {
        List<String> names = args.length == 0 ? ALL : List.of(args[0].split(","));
        List<String> options = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : List.of();
        for (String name : names) {
            switch (name) {
                case "messaging" -> {
                    if (options.contains("backlog-only")) {
                        messaging.backlogOnly();
                        continue;
                    }
                    report.header("messaging plumbing");
                    messaging.run(report);
                }
                case "orders" -> {
                    report.header("order-service intake");
                    orders.run(report);
                }
                case "inventory" -> {
                    report.header("inventory-service");
                    inventory.run(report);
                }
                default -> {
                    System.err.println("unknown benchmark '" + name + "'; known: " + ALL);
                    return 2;
                }
            }
            report.append();
        }
        return 0;
    }
}
