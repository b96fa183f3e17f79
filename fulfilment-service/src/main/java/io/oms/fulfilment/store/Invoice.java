package io.oms.fulfilment.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An order's invoice number, taken at its first shipment. */
@Entity
@Table(name = "invoice")
public class Invoice extends PanacheEntityBase {

    @Id
    @Column(name = "order_id")
    public String orderId;
    @Column(name = "invoice_number")
    public String invoiceNumber;
    @Column(name = "issued_at")
    public Instant issuedAt;
}
