package io.oms.sandbox;

import io.oms.sandbox.etsy.EtsyOpenApi;
import io.oms.sandbox.shopify.graphql.ShopifySchema;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;

/**
 * The two marketplace documents. Loading them takes a few seconds, so it starts in the background when the
 * application starts (HTTP is up at once); a call that needs one before it is ready waits for it.
 */
@Singleton
public class Specs {

    private final CompletableFuture<EtsyOpenApi> etsy = new CompletableFuture<>();
    private final CompletableFuture<ShopifySchema> shopify = new CompletableFuture<>();

    void loadAtStartup(@Observes StartupEvent event) {
        load();
    }

    private synchronized void load() {
        if (etsy.isDone() || shopify.isDone() || started) {
            return;
        }
        started = true;
        long t0 = System.nanoTime();
        CompletableFuture.runAsync(() -> complete(etsy, EtsyOpenApi::load, "Etsy OpenAPI document", t0));
        CompletableFuture.runAsync(() -> complete(shopify, ShopifySchema::load, "Shopify 2025-01 schema", t0));
    }

    private boolean started;

    private static <T> void complete(CompletableFuture<T> target, java.util.function.Supplier<T> loader, String what,
                                     long t0) {
        try {
            target.complete(loader.get());
            Log.infof("%s loaded in %d ms", what, (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            target.completeExceptionally(e);
            Log.errorf(e, "%s could not be loaded", what);
        }
    }

    public EtsyOpenApi etsy() {
        load();
        return etsy.join();
    }

    public ShopifySchema shopify() {
        load();
        return shopify.join();
    }
}
