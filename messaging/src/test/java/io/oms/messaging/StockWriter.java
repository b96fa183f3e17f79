package io.oms.messaging;

import io.oms.events.CloudEvent;
import io.oms.events.EventType;
import io.oms.events.Sku;
import io.oms.events.inventory.StockChanged;
import io.oms.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/** Writes like a service does: change the aggregate's row and add its event, in one transaction. */
@ApplicationScoped
public class StockWriter {

    private static final String BUMP = """
            insert into stock_versions (sku, version) values (?, 1)
            on conflict (sku) do update set version = stock_versions.version + 1
            returning version""";

    private final DataSource dataSource;
    private final Outbox outbox;
    private final Clock clock;

    public StockWriter(DataSource dataSource, Outbox outbox, Clock clock) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public long changeStock(String sku) {
        long version;
        try (Connection connection = dataSource.getConnection(); PreparedStatement bump = connection.prepareStatement(BUMP)) {
            bump.setString(1, sku);
            try (ResultSet result = bump.executeQuery()) {
                result.next();
                version = result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        StockChanged payload = new StockChanged(Sku.of(sku), List.of(new StockChanged.WarehouseStock("MAIN", (int) version)), (int) version, version);
        outbox.add(CloudEvent.of("/messaging-test", EventType.STOCK_CHANGED, sku, payload, clock));
        return version;
    }
}
