package io.oms.messaging.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The inbox table: which events each consumer has applied. */
@ApplicationScoped
public class InboxStore {

    private static final String RECORD = "insert into inbox (consumer, event_id) values (?, ?) on conflict do nothing";
    private static final String RECORD_ALL = """
            insert into inbox (consumer, event_id) select ?, id from unnest(?::uuid[]) as id
            on conflict do nothing returning event_id""";
    private static final String PRUNE = """
            delete from inbox where ctid in (
              select ctid from inbox where received_at < now() - make_interval(secs => ?) limit 10000)""";

    private final DataSource dataSource;

    public InboxStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records the event for the consumer in the caller's transaction.
     *
     * @return true when it is new, false when this consumer applied it before (a duplicate)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordFirstDelivery(String consumer, UUID eventId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(RECORD)) {
            insert.setString(1, consumer);
            insert.setObject(2, eventId);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record event " + eventId + " in the inbox of " + consumer, e);
        }
    }

    /**
     * Records a batch's events for the consumer in the caller's transaction, in one statement.
     *
     * @return the ids that are new (an id given twice is new once); the others this consumer applied before
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> recordFirstDeliveries(String consumer, List<UUID> eventIds) {
        Set<UUID> first = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(RECORD_ALL)) {
            insert.setString(1, consumer);
            insert.setArray(2, connection.createArrayOf("uuid", eventIds.toArray()));
            try (ResultSet inserted = insert.executeQuery()) {
                while (inserted.next()) {
                    first.add(inserted.getObject(1, UUID.class));
                }
            }
            return first;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record " + eventIds.size() + " events in the inbox of " + consumer, e);
        }
    }

    /** Whether the database answers at all: tells a broken handler from an outage. */
    public boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Forgets applied events older than the retention; answers how many rows went. */
    public int prune(Duration retention) throws SQLException {
        int total = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement prune = connection.prepareStatement(PRUNE)) {
            prune.setDouble(1, retention.toSeconds());
            int deleted;
            do {
                deleted = prune.executeUpdate();
                total += deleted;
            } while (deleted > 0);
        }
        return total;
    }
}
