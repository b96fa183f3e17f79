package io.oms.console.web;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@QuarkusTestResource(ApiStub.class)
class PagesTest {

    @Test
    void theOrderListShowsWhatOrderServiceAnswers() {
        given().get("/orders?status=ON_HOLD").then().statusCode(200)
                .body(containsString("data-external=\"1001\""), containsString("19.90 EUR"), containsString("ON_HOLD"));
    }

    @Test
    void aRefusedActionGoesBackToItsPageWithTheProblemInWordsAndItsField() {
        String location = given().redirects().follow(false).post("/orders/o-1/release").then().statusCode(303).extract().header("Location");
        String decoded = URLDecoder.decode(location, StandardCharsets.UTF_8);

        assertThat(decoded).contains("/orders/o-1", "error=order-service: status: cannot release an order in status NEW (to NEW) (409 Conflict)",
                "field=status");
    }

    @Test
    void releasingEveryHeldOrderOfAShopSaysHowManyOfTheHeldWereReleasedAndWhichStayedOnHold() {
        String location = given().redirects().follow(false).formParam("channel", "etsy").formParam("shopId", "42").post("/orders/release")
                .then().statusCode(303).extract().header("Location");

        assertThat(URLDecoder.decode(location, StandardCharsets.UTF_8)).contains("ok=Released 0 of 1 held orders; not released, still on hold: 1001");
    }

    @Test
    void theShipFormPreselectsTheCarrierTheOrdersShippingMethodNames() {
        given().get("/fulfilment/orders/o-2/ship").then().statusCode(200)
                .body(containsString("<option value=\"dhl\" selected>DHL</option>"), containsString("<option value=\"ups\">UPS</option>"),
                        containsString("named by the shipping method &#39;DHL Paket&#39;"));
    }

    @Test
    void aPastedCsvLargerThanTheDefaultFormFieldLimitIsSentAndTheImportsErrorShownInWords() {
        String csv = "sku,name,price,currency\n" + "A-1,An item with a long name,1.00,EUR\n".repeat(200);
        assertThat(csv.length()).isGreaterThan(4096);

        given().multiPart("text", csv).post("/stock/import").then().statusCode(200)
                .body(containsString("id=\"import-error\""), containsString("a service did not answer"));
    }

    @Test
    void theShopsPageNamesEachConnectorThatDoesNotAnswer() {
        given().get("/shops").then().statusCode(200)
                .body(containsString("channel-etsy did not answer"), containsString("channel-shopify did not answer"));
    }

    @Test
    void aPageWhoseServiceDoesNotAnswerSaysSoInsteadOfFailingBlank() {
        given().get("/stock").then().statusCode(502).body(containsString("a service did not answer"));
    }

    @Test
    void htmxIsServedFromTheApplicationNotACdn() {
        given().get("/webjars/htmx.org/dist/htmx.min.js").then().statusCode(200);
        given().get("/shops").then().body(containsString("src=\"/webjars/htmx.org/dist/htmx.min.js\""));
    }
}
