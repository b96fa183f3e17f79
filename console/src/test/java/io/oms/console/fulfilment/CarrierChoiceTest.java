package io.oms.console.fulfilment;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CarrierChoiceTest {

    private static final List<Map<String, Object>> CARRIERS = List.of(Map.of("code", "dhl", "name", "DHL"),
            Map.of("code", "dhl-express", "name", "DHL Express"), Map.of("code", "ups", "name", "UPS"));

    @Test
    void theCarrierFulfilmentServiceMapsTheMethodToIsPreselected() {
        CarrierChoice choice = CarrierChoice.of("Standard", Map.of("carrier", "ups", "service", "Standard"), CARRIERS);

        assertThat(choice.code()).isEqualTo("ups");
        assertThat(choice.why()).isEqualTo("shipping method 'Standard' is mapped to ups Standard");
    }

    @Test
    void anUnmappedMethodThatNamesACarrierPreselectsTheCarrierWithTheLongestName() {
        assertThat(CarrierChoice.of("DHL Paket", null, CARRIERS).code()).isEqualTo("dhl");
        assertThat(CarrierChoice.of("dhl express worldwide", null, CARRIERS).code()).isEqualTo("dhl-express");
    }

    @Test
    void aCarrierNameInsideAnotherWordIsNoMatch() {
        CarrierChoice choice = CarrierChoice.of("Groups delivery", null, CARRIERS);

        assertThat(choice.code()).isNull();
        assertThat(choice.why()).isEqualTo("shipping method 'Groups delivery' names no carrier");
    }

    @Test
    void anOrderWithoutAShippingMethodPreselectsNothing() {
        assertThat(CarrierChoice.of(null, null, CARRIERS)).isEqualTo(CarrierChoice.NONE);
        assertThat(CarrierChoice.of(" ", null, CARRIERS).why()).isNull();
    }
}
