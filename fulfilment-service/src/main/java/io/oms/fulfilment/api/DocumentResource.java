package io.oms.fulfilment.api;

import io.oms.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.oms.fulfilment.Refusal;
import io.oms.fulfilment.documents.Documents;
import io.oms.fulfilment.store.Invoice;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** Delivery notes per shipment and invoices per order, as PDF; and the invoice number as JSON. */
@Path("/api/v1")
public class DocumentResource {

    private static final String PDF = "application/pdf";

    private final Documents documents;

    public DocumentResource(Documents documents) {
        this.documents = documents;
    }

    public record InvoiceView(String orderId, String invoiceNumber, java.time.Instant issuedAt) {
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/shipments/{id}/delivery-note.pdf")
    @Produces(PDF)
    public byte[] deliveryNote(@PathParam("id") UUID id) {
        return documents.deliveryNote(id)
                .orElseThrow(() -> new ProblemException(Refusal.notFound("no shipment " + id, "id")));
    }

    /** The invoice exists from the order's first shipment on. */
    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/orders/{orderId}/invoice.pdf")
    @Produces(PDF)
    public byte[] invoicePdf(@PathParam("orderId") String orderId) {
        return documents.invoice(orderId).orElseThrow(() -> new ProblemException(
                Refusal.notFound("order " + orderId + " has no invoice: it is issued at the first shipment", "orderId")));
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/orders/{orderId}/invoice")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public InvoiceView invoice(@PathParam("orderId") String orderId) {
        Invoice invoice = Invoice.findById(orderId);
        if (invoice == null) {
            throw new ProblemException(Refusal.notFound(
                    "order " + orderId + " has no invoice: it is issued at the first shipment", "orderId"));
        }
        return new InvoiceView(invoice.orderId, invoice.invoiceNumber, invoice.issuedAt);
    }
}
