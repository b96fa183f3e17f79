package io.oms.events;

/** Kafka header names of the CloudEvents 1.0 binary mode, as this contract uses them. */
public final class CloudEventHeaders {

    public static final String SPECVERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    /** Not prefixed: the Kafka binding maps CloudEvents' datacontenttype to this header. */
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPECVERSION_1_0 = "1.0";
    public static final String APPLICATION_JSON = "application/json";

    private CloudEventHeaders() {
    }
}
