package io.oms.order.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "customer")
public class CustomerEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String email;
    public String name;
    @Column(name = "match_key")
    public String matchKey;
    @JdbcTypeCode(SqlTypes.JSON)
    public Address address;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;
}
