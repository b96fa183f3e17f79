package io.oms.console.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** What the last action said, carried by the redirect's query ({@code ok}, {@code error}, {@code field}); shown by the layout. */
@RequestScoped
@Named("flash")
public class Flash {

    private final HttpServerRequest request;

    public Flash(HttpServerRequest request) {
        this.request = request;
    }

    public String getOk() {
        return request.getParam("ok");
    }

    public String getError() {
        return request.getParam("error");
    }

    public String getField() {
        return request.getParam("field");
    }
}
