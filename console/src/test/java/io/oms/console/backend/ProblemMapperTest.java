package io.oms.console.backend;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemMapperTest {

    @Test
    void aProblemJsonIsPutInWordsWithItsField() {
        ApiProblem problem = ProblemMapper.of("inventory-service", 404,
                "{\"type\":\"/problems/not-found\",\"title\":\"Not found\",\"status\":404,\"detail\":\"no item has the SKU X\",\"field\":\"sku\"}");

        assertThat(problem.field()).isEqualTo("sku");
        assertThat(problem.inWords()).isEqualTo("inventory-service: sku: no item has the SKU X (404 Not found)");
    }

    @Test
    void aValidationAnswerNamesTheFirstViolationsField() {
        ApiProblem problem = ProblemMapper.of("fulfilment-service", 400,
                "{\"title\":\"Constraint Violation\",\"status\":400,\"violations\":[{\"field\":\"ship.body.trackingNumber\",\"message\":\"must not be blank\"}]}");

        assertThat(problem.field()).isEqualTo("ship.body.trackingNumber");
        assertThat(problem.detail()).isEqualTo("must not be blank");
    }

    @Test
    void anAnswerThatIsNotJsonIsShownAsItIs() {
        ApiProblem problem = ProblemMapper.of("channel-etsy", 503, "upstream unavailable");

        assertThat(problem.inWords()).isEqualTo("channel-etsy: upstream unavailable (503)");
        assertThat(problem.field()).isNull();
    }
}
