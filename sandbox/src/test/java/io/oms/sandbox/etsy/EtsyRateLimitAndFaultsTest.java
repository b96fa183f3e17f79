package io.oms.sandbox.etsy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.oms.sandbox.SandboxClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EtsyRateLimitAndFaultsTest {

    @Inject
    SandboxClock clock;

    @Test
    void thirtyCallsInOneSecondGiveTenSuccessesAndTwenty429s() {
        EtsyShopFixture shop = EtsyShopFixture.create();
        List<Response> answers = new ArrayList<>();
        clock.freeze(); // all 30 calls fall within one second of sandbox time
        try {
            for (int i = 0; i < 30; i++) {
                answers.add(shop.etsy().get("/v3/application/users/me"));
            }
        } finally {
            clock.unfreeze();
        }
        List<Response> ok = answers.stream().filter(r -> r.statusCode() == 200).toList();
        List<Response> limited = answers.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(ok).hasSize(10);
        assertThat(limited).hasSize(20);
        assertThat(ok.get(9).header("x-remaining-this-second")).isEqualTo("0");
        assertThat(ok.get(0).header("x-remaining-this-second")).isEqualTo("9");
        for (Response r : limited) {
            assertThat(r.header("x-limit-per-second")).isEqualTo("10");
            assertThat(r.header("x-remaining-this-second")).isEqualTo("0");
            assertThat(r.header("x-limit-per-day")).isEqualTo("10000");
            assertThat(r.header("x-remaining-today")).isEqualTo("9990");
            assertThat(r.header("retry-after")).isEqualTo("1");
            assertThat(r.jsonPath().getString("error")).isEqualTo("Exceeded per second rate limit");
        }
        clock.advance(Duration.ofSeconds(2));
        shop.etsy().get("/v3/application/users/me").then().statusCode(200);
    }

    @Test
    void aSpentDailyQuotaAnswers429WithRetryAfterADay() {
        EtsyShopFixture shop = EtsyShopFixture.create(Map.of("limitPerDay", 3));
        for (int i = 0; i < 3; i++) {
            shop.etsy().get("/v3/application/users/me").then().statusCode(200);
        }
        shop.etsy().get("/v3/application/users/me").then().statusCode(429).header("retry-after", "86400")
                .header("x-remaining-today", "0").body("error", equalTo("Exceeded daily rate limit"));
    }

    @Test
    void injectedFaultsAnswerAsConfigured() {
        EtsyShopFixture shop = EtsyShopFixture.create();
        String faults = "/sandbox/etsy/shops/" + shop.shopId() + "/faults";
        given().contentType(ContentType.JSON).body(Map.of("errorRate", 1.0, "errorStatus", 503)).put(faults)
                .then().statusCode(200).body("errorStatus", equalTo(503));
        shop.etsy().get("/v3/application/users/me").then().statusCode(503);
        given().contentType(ContentType.JSON).body(Map.of("force429", true)).put(faults).then().statusCode(200);
        shop.etsy().get("/v3/application/users/me").then().statusCode(429).header("retry-after", "1");
        given().contentType(ContentType.JSON).body(Map.of("malformedBodies", true)).put(faults).then()
                .statusCode(200);
        String body = given().header("x-api-key", shop.keystring() + ":" + shop.sharedSecret())
                .header("Authorization", "Bearer " + shop.accessToken()).get("/v3/application/users/me")
                .then().statusCode(200).extract().asString();
        assertThat(body).doesNotEndWith("}");
        given().contentType(ContentType.JSON).body(Map.of("expireTokens", true)).put(faults).then().statusCode(200);
        shop.etsy().get("/v3/application/users/me").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("latencyMs", 300)).put(faults).then().statusCode(200);
        long start = System.nanoTime();
        shop.etsy().get("/v3/application/users/me").then().statusCode(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        given().post("/sandbox/etsy/shops/" + shop.shopId() + "/reset").then().statusCode(200);
        shop.etsy().get("/v3/application/users/me").then().statusCode(200);
    }
}
