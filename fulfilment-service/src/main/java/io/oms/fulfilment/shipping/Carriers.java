package io.oms.fulfilment.shipping;

import io.oms.fulfilment.store.Carrier;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The carrier table: which carriers exist and where their tracking pages are. */
@ApplicationScoped
public class Carriers {

    /** By code, else by name, ignoring case. */
    public Optional<Carrier> find(String codeOrName) {
        if (codeOrName == null || codeOrName.isBlank()) {
            return Optional.empty();
        }
        String wanted = codeOrName.trim().toLowerCase(Locale.ROOT);
        return Carrier.<Carrier>findByIdOptional(wanted)
                .or(() -> Carrier.find("lower(name) = ?1", wanted).firstResultOptional());
    }

    public List<Carrier> all() {
        return Carrier.listAll(io.quarkus.panache.common.Sort.by("code"));
    }

    /** The carrier's tracking page for the number, or null when the carrier has no template. */
    public String trackingUrl(Carrier carrier, String trackingNumber) {
        if (carrier.trackingUrlTemplate == null || trackingNumber == null) {
            return null;
        }
        return carrier.trackingUrlTemplate.replace(Carrier.TRACKING_NUMBER,
                URLEncoder.encode(trackingNumber, StandardCharsets.UTF_8));
    }
}
